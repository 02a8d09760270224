import type { Database, Executor, Tx } from '../../db/database';
import { asKeyHolder, inClinic, readInClinic } from '../../db/tenant';
import type { ApiKey, CreateApiKeyBody, CreatedApiKey } from '../../contracts/api-key.contract';
import { conflict, notFound } from '../../errors';
import { generateToken, tokenMatches, tokenPrefix, type Principal, type Scope } from '../../lib/api-key-token';
import { uuidv7 } from '../../lib/uuid';
import { decodePosition, toPage, type Page, type PageRequest } from '../paging';
import type { Outcome, RequestContext } from '../../http/context';
import type { WriteUnit } from '../write-unit';
import { createApiKeyCache } from './api-key-cache';
import { API_KEY_CHANGES_CHANNEL, apiKeysRepository, type ApiKeyRow } from './api-keys.repository';

export type ApiKeysService = ReturnType<typeof createApiKeysService>;

/** What authentication asks of the rate limiter (see rate-limits/rate-limiter.ts). */
export interface Admission {
  /** Lets the request in without the database when the key holds a lease; false when it does not. */
  admit(principal: Principal): boolean;
  /** Charges the key's shared budget within the authentication transaction; throws 429 when empty. */
  charge(tx: Tx, principal: Principal): Promise<void>;
}

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as Scope[],
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Issuing, listing, revoking and checking API keys. */
export function createApiKeysService({ database, write, cacheTtlMs = 0 }: { database: Database; write: WriteUnit; cacheTtlMs?: number }) {
  const { db } = database;
  const cache = createApiKeyCache(cacheTtlMs);
  if (cacheTtlMs > 0) database.listen(API_KEY_CHANGES_CHANNEL, { notify: (prefix) => cache.forget(prefix), connected: (up) => cache.hearing(up) });

  /** Inserts a key for the clinic within `executor`; the secret is returned here and never again. */
  async function issue(executor: Executor, clinicId: string, body: CreateApiKeyBody): Promise<{ apiKey: ApiKey; secret: string }> {
    const { token, prefix, hash } = generateToken();
    const scopes = [...new Set(body.scopes)].sort();
    const row = await apiKeysRepository.insert(executor, { clinicId, id: uuidv7(), name: body.name, prefix, secretHash: hash, scopes });
    return { apiKey: toApiKey(row), secret: token };
  }

  /**
   * The principal behind a presented key, or why there is none: `unknown` when no key has
   * its prefix (authentication may then skip the lookup for a while), `refused` when it is
   * malformed, revoked or its secret does not match.
   * A key checked in the last `cacheTtlMs` is taken from this instance's cache (see
   * api-key-cache.ts: a revocation anywhere is forgotten here as soon as the database
   * announces it) and, while its rate-limit lease lasts, costs no database round trip. Else
   * the key is read and `admission` charged in one transaction, so a request pays for one
   * transaction before its own work, not two.
   */
  async function identify(token: string, admission?: Admission): Promise<Principal | 'unknown' | 'refused'> {
    const prefix = tokenPrefix(token);
    if (!prefix) return 'refused';
    const cached = cache.get(prefix);
    if (cached) {
      if (!tokenMatches(token, cached.secretHash)) return 'refused';
      if (!admission || admission.admit(cached.principal)) return cached.principal;
    }
    const generation = cache.generation();
    return asKeyHolder(db, prefix, async (tx) => {
      const row = await apiKeysRepository.findByPrefix(tx, prefix);
      if (!row) return 'unknown';
      if (row.revokedAt || !tokenMatches(token, row.secretHash)) return 'refused';
      const principal: Principal = Object.freeze({ clinicId: row.clinicId, keyId: row.id, scopes: row.scopes as Scope[] });
      cache.put(prefix, { principal, secretHash: row.secretHash }, generation);
      if (admission) await admission.charge(tx, principal);
      return principal;
    });
  }

  return {
    issue,

    /** Creates a key in the clinic: for operators (the CLI) and tests. */
    create(clinicId: string, body: CreateApiKeyBody) {
      return inClinic(db, clinicId, (tx) => issue(tx, clinicId, body));
    },

    /** Creates a key over the API, as a write unit: a retry under Idempotency-Key replays the same key and secret. */
    createForRequest(ctx: RequestContext, body: CreateApiKeyBody): Promise<Outcome<CreatedApiKey>> {
      return write(ctx, async (tx) => ({ status: 201, body: await issue(tx, ctx.clinicId, body) }));
    },

    /** The clinic's keys, oldest first, without secrets. */
    async list(clinicId: string, query: PageRequest): Promise<Page<ApiKey>> {
      const position = decodePosition(query.cursor);
      const rows = await readInClinic(db, clinicId, (tx) => apiKeysRepository.list(tx, clinicId, query.limit + 1, position));
      return toPage(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }), toApiKey);
    },

    /**
     * Revokes a key of the clinic; effective on the key's next request. The clinic's last
     * admin key is refused (409): over HTTP that would lock the clinic out of its own
     * administration for good; an operator can still do it with the CLI (revokeAnyClinic).
     */
    async revoke(clinicId: string, keyId: string): Promise<ApiKey> {
      const row = await inClinic(db, clinicId, async (tx) => {
        const admins = await apiKeysRepository.lockActiveAdminKeys(tx, clinicId);
        if (admins.length === 1 && admins[0] === keyId) {
          throw conflict(
            "This is the clinic's last admin key: revoking it would leave no one able to manage the clinic's keys. Issue another admin key first (or revoke it with the CLI: manuplan key revoke).",
            'last-admin-key',
          );
        }
        return apiKeysRepository.revoke(tx, { clinicId, id: keyId }, new Date());
      });
      if (!row) throw notFound('API key');
      cache.forget(row.prefix);
      return toApiKey(row);
    },

    /** Revokes a key of any clinic: for operators with database access (the CLI). */
    async revokeAnyClinic(keyId: string): Promise<ApiKey> {
      const row = await apiKeysRepository.revoke(db, { id: keyId }, new Date());
      if (!row) throw notFound('API key');
      cache.forget(row.prefix);
      return toApiKey(row);
    },

    identify,

    /** Whether this instance can tell, without the database, that the key is valid (it is cached and the secret matches). */
    verifiesLocally(token: string): boolean {
      const prefix = tokenPrefix(token);
      const cached = prefix ? cache.get(prefix) : undefined;
      return cached !== undefined && tokenMatches(token, cached.secretHash);
    },
  };
}
