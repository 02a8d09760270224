import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiKeySchema, CreateApiKeyBodySchema, CreatedApiKeySchema } from '../../contracts/api-key.contract';
import { IdParams, IdempotencyHeaders, PageQuery, pageOf, problemResponses } from '../../contracts/http.contract';
import { principalOf } from '../../http/auth';
import { contextOf, sendOutcome } from '../../http/context';
import type { ApiKeysService } from './api-keys.service';

export const apiKeysRoutes: FastifyPluginAsyncZod<{ apiKeys: ApiKeysService }> = async (app, { apiKeys }) => {
  app.post(
    '/v1/api-keys',
    {
      config: { scope: 'admin', audit: { responseId: 'apiKey.id' } },
      schema: {
        operationId: 'createApiKey',
        tags: ['admin'],
        summary: 'Issue an API key for this clinic; the secret is shown only in this response',
        headers: IdempotencyHeaders,
        body: CreateApiKeyBodySchema,
        response: { 201: CreatedApiKeySchema, ...problemResponses(400, 401, 403, 409, 413, 422) },
      },
    },
    async (request, reply) => sendOutcome(reply, await apiKeys.createForRequest(contextOf(request), request.body)),
  );

  app.get(
    '/v1/api-keys',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'listApiKeys',
        tags: ['admin'],
        summary: "The clinic's API keys, without secrets",
        querystring: PageQuery,
        response: { 200: pageOf(ApiKeySchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => apiKeys.list(principalOf(request).clinicId, request.query),
  );

  app.delete(
    '/v1/api-keys/:id',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'revokeApiKey',
        tags: ['admin'],
        summary: "Revoke an API key; it stops working on its next request. The clinic's last admin key cannot be revoked here (409)",
        params: IdParams,
        response: { 200: ApiKeySchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => apiKeys.revoke(principalOf(request).clinicId, request.params.id),
  );
};
