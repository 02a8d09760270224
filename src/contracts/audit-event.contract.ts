import { z } from 'zod';
import { PageQuery, Timestamp, Uuid } from './http.contract';

export const AUDIT_OUTCOMES = ['success', 'denied', 'not_found', 'rejected', 'error'] as const;

export const AuditEventSchema = z
  .object({
    id: Uuid,
    occurredAt: Timestamp,
    keyId: Uuid.nullable().meta({ description: 'The API key that made the request' }),
    action: z.string().meta({ description: 'The operation, by its OpenAPI operationId (getPatient, createPatient, listChanges…)' }),
    resourceType: z.string().meta({ description: 'patient, assessment, plan, session, api_key, change, audit_event…' }),
    resourceId: Uuid.nullable().meta({ description: 'The resource read, changed or created; null for lists' }),
    outcome: z.enum(AUDIT_OUTCOMES).meta({
      description: 'success; denied (403: the key lacks the scope); not_found (404, also for another clinic’s id); rejected (other 4xx); error (5xx)',
    }),
    statusCode: z.int(),
    requestId: z.string().meta({ description: 'The X-Request-Id of the request' }),
  })
  .meta({ id: 'AuditEvent' });

export const ListAuditEventsQuerySchema = PageQuery.extend({
  resourceType: z
    .string()
    .max(40)
    .regex(/^[a-z][a-z_]{0,39}$/, 'a resource type such as patient or plan')
    .optional()
    .meta({ description: 'Only events about this type of resource' }),
  resourceId: Uuid.optional().meta({ description: 'Only events about this resource: who read or changed it' }),
});

export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export type ListAuditEventsQuery = z.infer<typeof ListAuditEventsQuerySchema>;
