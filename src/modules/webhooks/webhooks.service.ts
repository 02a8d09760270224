import type { CreatedWebhook, CreateWebhookBody, PatchWebhookBody, Webhook, WebhookDelivery } from '../../contracts/webhook.contract';
import type { Database, Tx } from '../../db/database';
import { inClinic, readInClinic } from '../../db/tenant';
import { badRequest, conflict, notFound, preconditionFailed } from '../../errors';
import { decodeCursor, encodeCursor, isNonNegativeInteger } from '../../lib/cursor';
import { expectedVersions } from '../../lib/etag';
import { uuidv7 } from '../../lib/uuid';
import { decodePosition, toPage, type Page, type PageRequest } from '../paging';
import type { Outcome, RequestContext } from '../../http/context';
import type { WriteUnit } from '../write-unit';
import type { WebhookOptions } from '../../config';
import { newWebhookSecret, sealSecret } from './webhook-secret';
import { unsafeUrlReason } from './url-guard';
import { webhooksRepository, type DeliveryRow, type WebhookRow } from './webhooks.repository';

export type WebhooksService = ReturnType<typeof createWebhooksService>;

export function toWebhook(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.eventId,
    type: row.type,
    status: row.status as WebhookDelivery['status'],
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** ["*"] stays alone; a list of types is kept once each, in the order of the catalogue of types. */
const normaliseEvents = (events: string[]) => (events.includes('*') ? ['*'] : [...new Set(events)]);

/**
 * A clinic's webhooks (SPEC §11): subscriptions with a signing secret shown once, and the
 * record of their deliveries. Sending is the dispatcher's (webhook-dispatcher.ts).
 */
export function createWebhooksService({
  database,
  write,
  options,
  sealingKey,
  wake,
}: {
  database: Database;
  write: WriteUnit;
  options: WebhookOptions;
  /** The key secrets are sealed under (webhook-sealing-key.ts). */
  sealingKey: () => Promise<string>;
  wake?: () => void;
}) {
  const { db } = database;

  async function checkUrl(url: string | undefined): Promise<void> {
    if (url === undefined) return;
    const reason = await unsafeUrlReason(url, options.allowPrivateUrls);
    if (reason) throw badRequest(`The webhook URL is not allowed: it ${reason}.`, [{ path: '/url', message: reason }]);
  }

  async function missOrStale(tx: Tx, ctx: RequestContext, id: string): Promise<never> {
    const current = await webhooksRepository.findById(tx, ctx.clinicId, id);
    if (!current) throw notFound('Webhook');
    throw preconditionFailed(`The webhook is at version ${current.version}; fetch it again and retry with its ETag.`);
  }

  async function liveWebhook(ctx: RequestContext, id: string): Promise<void> {
    const row = await readInClinic(db, ctx.clinicId, (tx) => webhooksRepository.findById(tx, ctx.clinicId, id));
    if (!row) throw notFound('Webhook');
  }

  return {
    /** Subscribes a URL to events; the answer holds the signing secret, which is never shown again. */
    async create(ctx: RequestContext, body: CreateWebhookBody): Promise<Outcome<CreatedWebhook>> {
      const key = await sealingKey();
      await checkUrl(body.url);
      return write(ctx, async (tx) => {
        const id = uuidv7();
        const secret = newWebhookSecret();
        const row = await webhooksRepository.insert(tx, {
          clinicId: ctx.clinicId,
          id,
          url: body.url,
          events: normaliseEvents(body.events),
          description: body.description ?? null,
          secretSealed: sealSecret(key, ctx.clinicId, id, secret),
        });
        return { status: 201, body: { webhook: toWebhook(row), secret } };
      });
    },

    async get(ctx: RequestContext, id: string): Promise<Webhook> {
      const row = await readInClinic(db, ctx.clinicId, (tx) => webhooksRepository.findById(tx, ctx.clinicId, id));
      if (!row) throw notFound('Webhook');
      return toWebhook(row);
    },

    async list(ctx: RequestContext, query: PageRequest): Promise<Page<Webhook>> {
      const position = decodePosition(query.cursor);
      const rows = await readInClinic(db, ctx.clinicId, (tx) => webhooksRepository.list(tx, ctx.clinicId, query.limit + 1, position));
      return toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }), toWebhook);
    },

    /** Changes url, events, description or enabled when If-Match names the current version; enabling clears disabledReason. */
    async patch(ctx: RequestContext, id: string, ifMatch: string | undefined, body: PatchWebhookBody): Promise<Webhook> {
      const expected = expectedVersions(ifMatch);
      // A webhook that does not exist answers 404 before the URL's host is looked up.
      if (body.url !== undefined) {
        await liveWebhook(ctx, id);
        await checkUrl(body.url);
      }
      const changes = { ...body, ...(body.events ? { events: normaliseEvents(body.events) } : {}) };
      const row = await inClinic(
        db,
        ctx.clinicId,
        async (tx) => (await webhooksRepository.update(tx, ctx.clinicId, id, expected, changes)) ?? missOrStale(tx, ctx, id),
      );
      if (row.enabled) wake?.();
      return toWebhook(row);
    },

    /** Deletes the webhook (If-Match); its pending deliveries are abandoned. */
    async remove(ctx: RequestContext, id: string, ifMatch: string | undefined): Promise<void> {
      const expected = expectedVersions(ifMatch);
      await inClinic(db, ctx.clinicId, async (tx) => {
        const row = (await webhooksRepository.softDelete(tx, ctx.clinicId, id, expected)) ?? (await missOrStale(tx, ctx, id));
        await webhooksRepository.abandonPending(tx, ctx.clinicId, row.id);
      });
    },

    /** The webhook's deliveries, newest first. */
    async deliveries(ctx: RequestContext, id: string, query: PageRequest): Promise<Page<WebhookDelivery>> {
      const before = query.cursor === undefined ? undefined : decodeCursor<[number]>(query.cursor, [isNonNegativeInteger])[0];
      await liveWebhook(ctx, id);
      const rows = await readInClinic(db, ctx.clinicId, (tx) => webhooksRepository.listDeliveries(tx, ctx.clinicId, id, query.limit + 1, before));
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { data: page.map(toDelivery), nextCursor: rows.length > query.limit && last ? encodeCursor([last.seq]) : null };
    },

    /** Sends a delivery again now (whatever its status); one being sent right now is left to finish. */
    async retry(ctx: RequestContext, id: string, deliveryId: string): Promise<Outcome<WebhookDelivery>> {
      const outcome = await write(ctx, async (tx) => {
        const webhook = await webhooksRepository.findById(tx, ctx.clinicId, id);
        if (!webhook) throw notFound('Webhook');
        const delivery = await webhooksRepository.findDelivery(tx, ctx.clinicId, id, deliveryId);
        if (!delivery) throw notFound('Delivery');
        if (!webhook.enabled) throw conflict('The webhook is disabled: enable it (PATCH enabled: true) before retrying its deliveries.', 'webhook-disabled');
        const due = (await webhooksRepository.makeDue(tx, ctx.clinicId, id, deliveryId)) ?? delivery;
        return { status: 202, body: toDelivery(due) };
      });
      wake?.();
      return outcome;
    },
  };
}
