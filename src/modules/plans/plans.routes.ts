import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ConditionalGetHeaders, IdParams, IfMatchHeaders, PageQuery, pageOf, notModifiedResponse, problemResponses } from '../../contracts/http.contract';
import { ListPlansQuerySchema, PatchPlanBodySchema, PlanSchema, PlanVersionSchema } from '../../contracts/plan-resource.contract';
import { ProgressSchema } from '../../contracts/progress.contract';
import { contextOf, sendJsonText, sendVersioned } from '../../http/context';
import type { PlansService } from './plans.service';

const tags = ['plans'];

export const plansRoutes: FastifyPluginAsyncZod<{ plans: PlansService }> = async (app, { plans }) => {
  app.get(
    '/v1/plans',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'listPlans',
        tags,
        summary: 'List plans, oldest change first; filter by patient, status and updatedSince',
        querystring: ListPlansQuerySchema,
        response: { 200: pageOf(PlanSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => plans.list(contextOf(request), request.query),
  );

  app.get(
    '/v1/plans/:id',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getPlan',
        tags,
        summary: 'Read a plan',
        params: IdParams,
        headers: ConditionalGetHeaders,
        response: { 200: PlanSchema, ...notModifiedResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const plan = await plans.get(contextOf(request), request.params.id);
      return sendJsonText(reply, plan.json, plan.version);
    },
  );

  app.patch(
    '/v1/plans/:id',
    {
      config: { scope: 'write' },
      schema: {
        operationId: 'updatePlan',
        tags,
        summary: "A therapist's edit: status, schedule, techniques, goal targets, home program, precautions, notes (If-Match required)",
        params: IdParams,
        headers: IfMatchHeaders,
        body: PatchPlanBodySchema,
        response: { 200: PlanSchema, ...problemResponses(400, 401, 403, 404, 409, 412, 413, 428) },
      },
    },
    async (request, reply) => sendVersioned(reply, 200, await plans.patch(contextOf(request), request.params.id, request.headers['if-match'], request.body)),
  );

  app.get(
    '/v1/plans/:id/versions',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'listPlanVersions',
        tags,
        summary: 'Every earlier version of the plan, oldest first, with who (API key) and when',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: pageOf(PlanVersionSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => plans.versions(contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/v1/plans/:id/progress',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getPlanProgress',
        tags,
        summary: 'Progress toward each goal from the sessions so far, and a recommendation',
        params: IdParams,
        response: { 200: ProgressSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => plans.progress(contextOf(request), request.params.id),
  );
};
