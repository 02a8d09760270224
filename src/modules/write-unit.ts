import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/database';
import { sqlState } from '../db/errors';
import { inClinic } from '../db/tenant';
import { conflict, unprocessable } from '../errors';
import { idempotencyKeyDigest, seal, unseal, type Sealed } from '../lib/sealed-response';
import { idempotencyRepository } from './idempotency/idempotency.repository';
import type { Outcome, RequestContext } from '../http/context';

export interface WriteUnitOptions {
  /** How long a retry waits for the first request with its key to finish before answering 409. */
  idempotencyWaitMs: number;
  /** How long an Idempotency-Key is remembered (at least 24 h, SPEC §1). */
  idempotencyTtlSeconds: number;
}

/** Runs one write of a clinic in one transaction, and makes it idempotent when the request carried a key. */
export type WriteUnit = <T>(ctx: RequestContext, work: (tx: Tx) => Promise<Outcome<T>>) => Promise<Outcome<T>>;

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * The idempotency record is claimed first and completed last in the same transaction as the
 * work, so a crash leaves neither, and a committed record always holds the answer to replay.
 * The record holds the key's digest and the answer sealed under the key (lib/sealed-response):
 * nothing in it is readable without the Idempotency-Key the client keeps.
 */
export function createWriteUnit(database: Database, options: WriteUnitOptions): WriteUnit {
  const { db } = database;
  return async function write<T>(ctx: RequestContext, work: (tx: Tx) => Promise<Outcome<T>>): Promise<Outcome<T>> {
    const idempotency = ctx.idempotency;
    if (!idempotency) return inClinic(db, ctx.clinicId, work);
    try {
      return await inClinic(db, ctx.clinicId, async (tx) => {
        const digest = idempotencyKeyDigest(idempotency.key, ctx.clinicId);
        const claimRow = {
          clinicId: ctx.clinicId,
          key: digest,
          requestHash: idempotency.fingerprint,
          method: idempotency.method,
          path: idempotency.path,
          ttlSeconds: options.idempotencyTtlSeconds,
        };
        // lock_timeout 0 would mean "wait for ever": the shortest wait is 1 ms.
        await tx.execute(sql`select set_config('lock_timeout', ${`${Math.max(1, options.idempotencyWaitMs)}ms`}, true)`);
        let claim = await idempotencyRepository.claim(tx, claimRow);
        if (!claim.claimed && claim.existing.expiresAt.getTime() <= Date.now()) {
          await idempotencyRepository.removeExpired(tx, ctx.clinicId, digest);
          claim = await idempotencyRepository.claim(tx, claimRow);
        }
        await tx.execute(sql`select set_config('lock_timeout', '0', true)`);
        if (!claim.claimed) {
          const { requestHash, statusCode, responseBody } = claim.existing;
          if (requestHash !== idempotency.fingerprint) {
            throw unprocessable('This Idempotency-Key was already used with a different request body.', 'idempotency-key-reused');
          }
          return { status: statusCode!, body: unseal(idempotency.key, ctx.clinicId, responseBody as Sealed) as T, replayed: true };
        }
        const outcome = await work(tx);
        await idempotencyRepository.complete(tx, ctx.clinicId, digest, outcome.status, seal(idempotency.key, ctx.clinicId, outcome.body));
        return outcome;
      });
    } catch (err) {
      if (sqlState(err) === LOCK_NOT_AVAILABLE) {
        throw conflict('A request with this Idempotency-Key is still being processed; retry shortly.', 'idempotency-key-in-flight');
      }
      throw err;
    }
  };
}
