import type { Logger } from 'pino';
import type { Database } from '../../db/database';
import { asDispatcher, dispatcherRepository, type ClaimedDelivery } from './webhook-dispatcher.repository';
import { signDelivery, unsealSecret } from './webhook-secret';
import { sendDelivery, type SendResult } from './webhook-sender';
import type { WebhookOptions } from '../../config';

export interface WebhookDispatcher {
  /** Starts polling for due deliveries; idempotent. */
  start(): void;
  /** Stops claiming and waits (at most `graceMs`) for the attempts under way. */
  stop(graceMs?: number): Promise<void>;
  /** Looks for due deliveries now instead of at the next poll. */
  wake(): void;
  /** True while started. */
  readonly running: boolean;
}

// A claim outlives its attempt by this much before another dispatcher may take the delivery over.
const LEASE_MARGIN_MS = 30_000;
/** The outbox trigger notifies this channel when it queued deliveries (migration *_webhooks). */
export const WEBHOOK_DUE_CHANNEL = 'manuplan_webhook_due';
// Finished deliveries are swept at most this often, this many per statement.
const SWEEP_EVERY_MS = 10 * 60_000;
const SWEEP_BATCH = 1000;
// Growth of the retry delay stops here: past it a receiver is retried every few hours.
const MAX_RETRY_DELAY_MS = 6 * 3_600_000;

/** The wait before retry `attempt + 1`: base · 2^(attempt-1), capped, with ±20 % jitter so failed receivers are not hit in lockstep. */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), MAX_RETRY_DELAY_MS);
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

/** The delivery body (SPEC §11): the same bytes on every attempt, so only the signature's timestamp changes. */
export function deliveryBody(d: Pick<ClaimedDelivery, 'type' | 'occurredAt' | 'resourceId' | 'resourceVersion' | 'patientId' | 'planId'>): string {
  const data: Record<string, unknown> = { id: d.resourceId, version: d.resourceVersion };
  if (d.patientId) data.patientId = d.patientId;
  if (d.planId) data.planId = d.planId;
  return JSON.stringify({ type: d.type, timestamp: d.occurredAt.toISOString(), data });
}

/**
 * The outbox's sender, run in every server process. Any number of dispatchers may share one
 * database: deliveries are claimed with FOR UPDATE SKIP LOCKED under a lease, so an attempt is
 * made by one of them at a time, and one that dies mid-attempt is retried by another once its
 * lease ends (at least once). It polls every `pollMs`; at most `concurrency` attempts run at once.
 */
export function createWebhookDispatcher({
  database,
  logger,
  options,
  sealingKey,
}: {
  database: Database;
  logger: Logger;
  options: WebhookOptions;
  sealingKey: () => Promise<string>;
}): WebhookDispatcher {
  const log = logger.child({ component: 'webhook-dispatcher' });
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let again = false;
  let lastSweep = 0;
  let listening = false;

  const schedule = (delayMs: number) => {
    if (!running) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), delayMs);
    timer.unref();
  };

  const wake = () => {
    if (running) schedule(0);
  };

  async function tick(): Promise<void> {
    if (!running) return;
    if (ticking) {
      again = true;
      return;
    }
    let claimedAll = false;
    ticking = (async () => {
      await sweepWhenDue();
      const free = options.concurrency - inFlight.size;
      if (free <= 0) return;
      try {
        const claimed = await asDispatcher(database.db, (tx) => dispatcherRepository.claim(tx, free, options.timeoutMs + LEASE_MARGIN_MS));
        claimedAll = claimed.length === free;
        for (const delivery of claimed) {
          const attempt = attemptDelivery(delivery).finally(() => {
            inFlight.delete(attempt);
            // A slot is free: more may be due right now.
            if (running) schedule(0);
          });
          inFlight.add(attempt);
        }
      } catch (err) {
        log.warn({ err: { message: (err as Error).message } }, 'claiming webhook deliveries failed; retrying at the next poll');
      }
    })();
    await ticking;
    ticking = undefined;
    if (again || claimedAll) {
      again = false;
      schedule(0);
    } else {
      schedule(options.pollMs);
    }
  }

  /** Keeps the outbox from growing for ever: finished deliveries go after the retention period. */
  async function sweepWhenDue(): Promise<void> {
    const now = Date.now();
    if (now - lastSweep < Math.min(SWEEP_EVERY_MS, options.retentionMs)) return;
    lastSweep = now;
    try {
      let swept = 0;
      for (let n = SWEEP_BATCH; n === SWEEP_BATCH && running; swept += n) {
        n = await asDispatcher(database.db, (tx) => dispatcherRepository.sweep(tx, options.retentionMs, SWEEP_BATCH));
      }
      if (swept > 0) log.info({ swept }, 'finished webhook deliveries past their retention deleted');
    } catch (err) {
      log.warn({ err: { message: (err as Error).message } }, 'sweeping old webhook deliveries failed; trying again later');
    }
  }

  async function attemptDelivery(d: ClaimedDelivery): Promise<void> {
    let result: SendResult;
    try {
      const secret = unsealSecret(await sealingKey(), d.clinicId, d.webhookId, d.secretSealed);
      const body = deliveryBody(d);
      const timestamp = Math.floor(Date.now() / 1000);
      result = await sendDelivery(
        d.url,
        {
          'content-type': 'application/json',
          'webhook-id': d.eventId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signDelivery(secret, d.eventId, timestamp, body),
        },
        body,
        { timeoutMs: options.timeoutMs, allowPrivate: options.allowPrivateUrls },
      );
    } catch (err) {
      result = { error: `not sent: ${(err as Error).message}` };
    }
    try {
      const recorded = await asDispatcher(database.db, async (tx) => {
        if (result.error === undefined) return dispatcherRepository.succeeded(tx, d, result.statusCode!);
        const giveUp = Date.now() - d.createdAt.getTime() >= options.retryWindowMs;
        return dispatcherRepository.failed(tx, d, {
          statusCode: result.statusCode ?? null,
          error: result.error,
          nextAttemptAt: new Date(Date.now() + retryDelayMs(d.attempts, options.retryBaseMs)),
          giveUp,
          disableAfterMs: options.retryWindowMs,
        });
      });
      if (!recorded) log.warn({ deliveryId: d.id }, 'a webhook attempt outlived its lease; another dispatcher owns the delivery now');
      else if (result.error !== undefined)
        log.info({ deliveryId: d.id, webhookId: d.webhookId, attempt: d.attempts, error: result.error }, 'webhook attempt failed');
    } catch (err) {
      // The attempt stays claimed until its lease ends, then it is made again: at least once.
      log.warn({ deliveryId: d.id, err: { message: (err as Error).message } }, 'recording a webhook attempt failed');
    }
  }

  return {
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      // A committed change wakes the dispatcher at once; the poll covers notifications missed
      // while the listening connection was down (and the retries that fall due).
      if (!listening) {
        listening = true;
        database.listen(WEBHOOK_DUE_CHANNEL, { notify: wake, connected: () => undefined });
      }
      schedule(0);
    },
    async stop(graceMs = options.timeoutMs + 1000) {
      running = false;
      clearTimeout(timer);
      let graceTimer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        graceTimer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled([ticking, ...inFlight]), grace]);
      clearTimeout(graceTimer);
    },
    wake,
  };
}
