import { z } from 'zod';
import { SCOPES } from '../lib/api-key-token';
import { Timestamp, Uuid } from './http.contract';

export const ScopeSchema = z
  .enum(SCOPES)
  .meta({ description: 'read: see data; write: change it (includes read); admin: everything, including keys and audit' });

export const ApiKeySchema = z
  .object({
    id: Uuid,
    name: z.string(),
    prefix: z.string().meta({ description: 'The non-secret head of the key, to recognise it' }),
    scopes: z.array(ScopeSchema),
    createdAt: Timestamp,
    revokedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' });

export const CreateApiKeyBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(ScopeSchema).min(1).max(3),
  })
  .meta({ id: 'CreateApiKey' });

export const CreatedApiKeySchema = z
  .object({
    apiKey: ApiKeySchema,
    secret: z.string().meta({ description: 'The whole key. Shown once: only its hash is stored.' }),
  })
  .meta({ id: 'CreatedApiKey' });

export type ApiKey = z.infer<typeof ApiKeySchema>;
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBodySchema>;
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;
