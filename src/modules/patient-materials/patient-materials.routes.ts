import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ConditionalGetHeaders, IdParams, notModifiedResponse, problemResponses } from '../../contracts/http.contract';
import { CHART_CSP, HANDOUT_CSP, HandoutQuerySchema, HTML, HtmlDocumentSchema, SVG, SvgDocumentSchema } from '../../contracts/patient-materials.contract';
import { contextOf } from '../../http/context';
import { noneMatchHits } from '../../lib/content-etag';
import type { PatientMaterialsService, Rendered } from './patient-materials.service';

const tags = ['plans'];

/** Sends a rendered document, or 304 when the client's copy (If-None-Match) is current. */
function sendDocument(reply: FastifyReply, ifNoneMatch: string | undefined, doc: Rendered, mediaType: string, csp: string) {
  // Patient data: like every /v1 answer it is sent with Cache-Control: no-store (security-headers.ts);
  // the ETag lets a client that keeps its own copy revalidate cheaply with If-None-Match.
  reply.header('etag', doc.etag).header('content-security-policy', csp);
  if (noneMatchHits(ifNoneMatch, doc.etag)) return reply.code(304).send();
  return reply.code(200).type(mediaType).send(Buffer.from(doc.body, 'utf8'));
}

export const patientMaterialsRoutes: FastifyPluginAsyncZod<{ materials: PatientMaterialsService }> = async (app, { materials }) => {
  app.get(
    '/v1/plans/:id/progress/chart',
    {
      config: { scope: 'read', audit: { resource: 'plan' } },
      schema: {
        operationId: 'getPlanProgressChart',
        tags,
        summary: 'The progress of each goal as an SVG chart (ETag; 304 on If-None-Match)',
        params: IdParams,
        headers: ConditionalGetHeaders,
        response: {
          200: { description: 'The chart', content: { [SVG]: { schema: SvgDocumentSchema } } },
          ...notModifiedResponse,
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) =>
      sendDocument(reply, request.headers['if-none-match'], await materials.progressChart(contextOf(request), request.params.id), SVG, CHART_CSP),
  );

  app.get(
    '/v1/plans/:id/handout',
    {
      config: { scope: 'read', audit: { resource: 'plan' } },
      schema: {
        operationId: 'getPlanHandout',
        tags,
        summary: "The patient's printable handout of the plan, in plain words (HTML; ETag; 304 on If-None-Match)",
        params: IdParams,
        querystring: HandoutQuerySchema,
        headers: ConditionalGetHeaders,
        response: {
          200: { description: 'The handout page', content: { 'text/html': { schema: HtmlDocumentSchema } } },
          ...notModifiedResponse,
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) =>
      sendDocument(
        reply,
        request.headers['if-none-match'],
        await materials.handout(contextOf(request), request.params.id, request.query.paper),
        HTML,
        HANDOUT_CSP,
      ),
  );
};
