import type { Database } from '../../db/database';
import { notFound } from '../../errors';
import { SCOPES } from '../../lib/api-key-token';
import { uuidv7 } from '../../lib/uuid';
import type { ApiKeysService } from '../api-keys/api-keys.service';
import { clinicsRepository } from './clinics.repository';

export type ClinicsService = ReturnType<typeof createClinicsService>;

/** Clinics (tenants) are made by operators, not over the public API. */
export function createClinicsService({ database, apiKeys }: { database: Database; apiKeys: ApiKeysService }) {
  const { db } = database;
  return {
    /** Creates a clinic and its first key, with every scope, in one transaction. */
    async create(name: string) {
      return db.transaction(async (tx) => {
        const clinic = await clinicsRepository.insert(tx, { id: uuidv7(), name });
        const { apiKey, secret } = await apiKeys.issue(tx, clinic.id, { name: 'first admin key', scopes: [...SCOPES] });
        return { clinic: { id: clinic.id, name: clinic.name }, apiKey, secret };
      });
    },

    /** The clinic, or 404. */
    async get(id: string) {
      const row = await clinicsRepository.findById(db, id);
      if (!row) throw notFound('Clinic');
      return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString() };
    },
  };
}
