import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AssessmentSchema, AssessmentWithPlanSchema } from '../../contracts/assessment-resource.contract';
import { AssessmentInputSchema } from '../../contracts/assessment.contract';
import { ConditionalGetHeaders, IdParams, IdempotencyHeaders, notModifiedResponse, problemResponses } from '../../contracts/http.contract';
import { PlanContentSchema } from '../../contracts/plan.contract';
import { ReassessmentBodySchema } from '../../contracts/reassessment.contract';
import { contextOf, sendOutcome, sendVersioned } from '../../http/context';
import type { AssessmentsService } from './assessments.service';

const tags = ['assessments'];

export const assessmentsRoutes: FastifyPluginAsyncZod<{ assessments: AssessmentsService }> = async (app, { assessments }) => {
  app.post(
    '/v1/assessments',
    {
      config: { scope: 'write', audit: { responseId: 'assessment.id' } },
      schema: {
        operationId: 'createAssessment',
        tags,
        summary: 'Store an assessment and the treatment plan generated from it, in one transaction',
        headers: IdempotencyHeaders,
        body: AssessmentInputSchema,
        response: { 201: AssessmentWithPlanSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 422) },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await assessments.create(contextOf(request), request.body), ({ assessment }) => `/v1/assessments/${assessment.id}`),
  );

  app.post(
    '/v1/plans/:id/reassessments',
    {
      // Audited under the plan it made; a failed attempt, under the plan it named.
      config: { scope: 'write', audit: { resource: 'plan', responseId: 'plan.id' } },
      schema: {
        operationId: 'reassessPlan',
        tags: ['plans', ...tags],
        summary:
          'Reassess a plan: store a new assessment of its patient and the plan generated from it (with episode baselines); the reassessed plan becomes completed, in one transaction (409 when it is already completed or discontinued)',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: ReassessmentBodySchema,
        response: { 201: AssessmentWithPlanSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 422) },
      },
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await assessments.reassess(contextOf(request), request.params.id, request.body),
        ({ assessment }) => `/v1/assessments/${assessment.id}`,
      ),
  );

  app.post(
    '/v1/assessments/preview',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'previewPlan',
        tags,
        summary: 'The plan an assessment would get; nothing is stored',
        headers: IdempotencyHeaders,
        body: AssessmentInputSchema,
        response: { 200: PlanContentSchema, ...problemResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request) => assessments.preview(contextOf(request), request.body),
  );

  app.get(
    '/v1/assessments/:id',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getAssessment',
        tags,
        summary: 'A stored assessment (immutable)',
        params: IdParams,
        headers: ConditionalGetHeaders,
        response: { 200: AssessmentSchema, ...notModifiedResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => sendVersioned(reply, 200, await assessments.get(contextOf(request), request.params.id)),
  );
};
