import { z } from 'zod';
import { PageQuery, Timestamp, Uuid } from './http.contract';

/** The events a webhook can subscribe to (SPEC §11). */
export const WEBHOOK_EVENT_TYPES = [
  'patient.created',
  'patient.updated',
  'patient.deleted',
  'assessment.created',
  'plan.created',
  'plan.updated',
  'plan.deleted',
  'session.created',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const allowed = `one of: ${WEBHOOK_EVENT_TYPES.join(', ')}; or "*" alone for every type`;

export const WebhookEventSelectorSchema = z
  .enum(['*', ...WEBHOOK_EVENT_TYPES], { error: () => `must be ${allowed}` })
  .meta({ id: 'WebhookEventSelector', description: 'An event type, or "*" for every type (including ones added later)' });

const EventsSchema = z
  .array(WebhookEventSelectorSchema)
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length + 1)
  .refine((events) => !events.includes('*') || events.length === 1, {
    message: `"*" already means every type: send it alone, or list ${allowed.slice('one of: '.length)}`,
  })
  .meta({ description: 'The event types delivered, or ["*"] for every type' });

const UrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
  .max(2048)
  .meta({ description: 'Where deliveries are POSTed. It must not resolve to a loopback, private, link-local or unspecified address.' });

export const WebhookSchema = z
  .object({
    id: Uuid,
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().meta({ description: 'Why the service disabled the webhook (a receiver that kept failing); null otherwise' }),
    version: z.int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Webhook' });

export const CreateWebhookBodySchema = z
  .strictObject({
    url: UrlSchema,
    events: EventsSchema,
    description: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'CreateWebhook' });

export const PatchWebhookBodySchema = z
  .strictObject({
    url: UrlSchema.optional(),
    events: EventsSchema.optional(),
    description: z.string().trim().max(500).nullable().optional(),
    enabled: z.boolean().optional().meta({ description: 'true re-enables a webhook the service disabled, clearing disabledReason' }),
  })
  .meta({ id: 'PatchWebhook' });

export const CreatedWebhookSchema = z
  .object({
    webhook: WebhookSchema,
    secret: z.string().meta({
      description: 'The signing secret, `whsec_` + base64 of 32 random bytes (Standard Webhooks). Shown once: keep it to verify webhook-signature.',
    }),
  })
  .meta({ id: 'CreatedWebhook' });

export const WebhookDeliverySchema = z
  .object({
    id: Uuid,
    eventId: Uuid.meta({ description: 'The webhook-id header: the same on every attempt of this event' }),
    type: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    attempts: z.int(),
    lastStatusCode: z.int().nullable().meta({ description: 'HTTP status of the last attempt; null before the first or when it got no answer' }),
    lastError: z.string().nullable().meta({ description: 'Why the last attempt failed, when it did' }),
    nextAttemptAt: Timestamp.nullable().meta({ description: 'When the next attempt is due while pending; null once succeeded or failed' }),
    createdAt: Timestamp,
  })
  .meta({ id: 'WebhookDelivery' });

export const WebhookDeliveryParams = z.strictObject({ id: Uuid, deliveryId: Uuid });

export const ListWebhooksQuerySchema = PageQuery;
export const ListDeliveriesQuerySchema = PageQuery;

export type Webhook = z.infer<typeof WebhookSchema>;
export type CreateWebhookBody = z.infer<typeof CreateWebhookBodySchema>;
export type PatchWebhookBody = z.infer<typeof PatchWebhookBodySchema>;
export type CreatedWebhook = z.infer<typeof CreatedWebhookSchema>;
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
