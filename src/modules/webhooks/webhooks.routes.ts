import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ConditionalGetHeaders,
  IdParams,
  IdempotencyHeaders,
  IfMatchHeaders,
  pageOf,
  notModifiedResponse,
  problemResponses,
} from '../../contracts/http.contract';
import {
  CreatedWebhookSchema,
  CreateWebhookBodySchema,
  ListDeliveriesQuerySchema,
  ListWebhooksQuerySchema,
  PatchWebhookBodySchema,
  WebhookDeliveryParams,
  WebhookDeliverySchema,
  WebhookSchema,
} from '../../contracts/webhook.contract';
import { contextOf, sendOutcome, sendVersioned } from '../../http/context';
import { etagFor } from '../../lib/etag';
import type { WebhooksService } from './webhooks.service';

const tags = ['webhooks'];

export const webhooksRoutes: FastifyPluginAsyncZod<{ webhooks: WebhooksService }> = async (app, { webhooks }) => {
  app.post(
    '/v1/webhooks',
    {
      config: { scope: 'admin', audit: { responseId: 'webhook.id' } },
      schema: {
        operationId: 'createWebhook',
        tags,
        summary: 'Subscribe a URL to events; the signing secret is shown only in this response',
        description:
          'Deliveries follow the Standard Webhooks specification: `POST url` with the JSON body `{ type, timestamp, data: { id, version, patientId?, planId? } }` ' +
          'and the headers `webhook-id` (the same on every attempt of one event), `webhook-timestamp` (Unix seconds) and `webhook-signature` ' +
          '(`v1,` + base64 HMAC-SHA256 of `${webhook-id}.${webhook-timestamp}.${body}` under the base64-decoded secret after `whsec_`). ' +
          'Events are recorded in the transaction of the change and delivered at least once, per resource in commit order. ' +
          'A non-2xx answer (redirects are not followed) or a 10 s time-out is retried with growing delays (about 5 s first) for at least 24 h; ' +
          'a receiver that fails for that long is disabled (`enabled: false`, `disabledReason`).',
        headers: IdempotencyHeaders,
        body: CreateWebhookBodySchema,
        response: { 201: CreatedWebhookSchema, ...problemResponses(400, 401, 403, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const outcome = await webhooks.create(contextOf(request), request.body);
      reply.header('etag', etagFor(outcome.body.webhook.version));
      return sendOutcome(reply, outcome, (created) => `/v1/webhooks/${created.webhook.id}`);
    },
  );

  app.get(
    '/v1/webhooks',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'listWebhooks',
        tags,
        summary: "The clinic's webhooks, oldest first, without secrets",
        querystring: ListWebhooksQuerySchema,
        response: { 200: pageOf(WebhookSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => webhooks.list(contextOf(request), request.query),
  );

  app.get(
    '/v1/webhooks/:id',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'getWebhook',
        tags,
        summary: 'Read a webhook (without its secret)',
        params: IdParams,
        headers: ConditionalGetHeaders,
        response: { 200: WebhookSchema, ...notModifiedResponse, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => sendVersioned(reply, 200, await webhooks.get(contextOf(request), request.params.id)),
  );

  app.patch(
    '/v1/webhooks/:id',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'updateWebhook',
        tags,
        summary: 'Change a webhook’s url, events, description or enabled (If-Match required)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: PatchWebhookBodySchema,
        response: { 200: WebhookSchema, ...problemResponses(400, 401, 403, 404, 412, 413, 428) },
      },
    },
    async (request, reply) => sendVersioned(reply, 200, await webhooks.patch(contextOf(request), request.params.id, request.headers['if-match'], request.body)),
  );

  app.delete(
    '/v1/webhooks/:id',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'deleteWebhook',
        tags,
        summary: 'Delete a webhook (If-Match required); its pending deliveries are abandoned',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: z.undefined().meta({ description: 'Deleted' }), ...problemResponses(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      await webhooks.remove(contextOf(request), request.params.id, request.headers['if-match']);
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/webhooks/:id/deliveries',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'listWebhookDeliveries',
        tags,
        summary: "The webhook's deliveries, newest first: status, attempts, last answer and when the next attempt is due",
        params: IdParams,
        querystring: ListDeliveriesQuerySchema,
        response: { 200: pageOf(WebhookDeliverySchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => webhooks.deliveries(contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/v1/webhooks/:id/deliveries/:deliveryId/retry',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'retryWebhookDelivery',
        tags,
        summary: 'Send a delivery again now, whatever its status (202: it is due; the dispatcher sends it within seconds)',
        params: WebhookDeliveryParams,
        headers: IdempotencyHeaders,
        response: { 202: WebhookDeliverySchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => sendOutcome(reply, await webhooks.retry(contextOf(request), request.params.id, request.params.deliveryId)),
  );
};
