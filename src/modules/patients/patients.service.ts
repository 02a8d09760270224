import type { Database, Tx } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import { inClinic, readInClinic } from '../../db/tenant';
import type { CreatePatientBody, PatchPatientBody, Patient, PutPatientBody } from '../../contracts/patient.contract';
import { badRequest, conflict, notFound, preconditionFailed } from '../../errors';
import { expectedVersions, versionMatches } from '../../lib/etag';
import { uuidv7 } from '../../lib/uuid';
import { decodePosition, toPage, type Page, type PageRequest } from '../paging';
import type { Outcome, RequestContext } from '../../http/context';
import type { WriteUnit } from '../write-unit';
import { patientsRepository, type PatientRow } from './patients.repository';

export type PatientsService = ReturnType<typeof createPatientsService>;

export function toPatient(row: PatientRow): Patient {
  return {
    id: row.id,
    externalId: row.externalId,
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    sex: row.sex as Patient['sex'],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const externalIdTaken = (externalId: string) =>
  conflict(`Another patient of this clinic already has externalId "${externalId}".`, 'external-id-taken', [
    { path: '/externalId', message: 'already used by another patient of this clinic' },
  ]);

/** Runs a write, turning a clash on the clinic's external ids into 409. */
async function guardExternalId<T>(externalId: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (externalId && isUniqueViolation(err)) throw externalIdTaken(externalId);
    throw err;
  }
}

/** Patients of a clinic: create, read, list, change, soft delete, and upsert by the clinic's own id. */
export function createPatientsService({ database, write }: { database: Database; write: WriteUnit }) {
  const { db } = database;

  /** After a conditional write matched nothing: the patient is gone (404) or the version moved on (412). */
  async function missOrStale(tx: Tx, ctx: RequestContext, id: string): Promise<never> {
    const current = await patientsRepository.findById(tx, ctx.clinicId, id);
    if (!current) throw notFound('Patient');
    throw preconditionFailed(`The patient is at version ${current.version}; fetch it again and retry with its ETag.`);
  }

  return {
    async create(ctx: RequestContext, body: CreatePatientBody): Promise<Outcome<Patient>> {
      return guardExternalId(body.externalId, () =>
        write(ctx, async (tx) => {
          const row = await patientsRepository.insert(tx, {
            clinicId: ctx.clinicId,
            id: uuidv7(),
            externalId: body.externalId ?? null,
            firstName: body.firstName ?? null,
            lastName: body.lastName ?? null,
            birthDate: body.birthDate ?? null,
            sex: body.sex ?? null,
          });
          return { status: 201, body: toPatient(row) };
        }),
      );
    },

    async get(ctx: RequestContext, id: string): Promise<Patient> {
      const row = await readInClinic(db, ctx.clinicId, (tx) => patientsRepository.findById(tx, ctx.clinicId, id));
      if (!row) throw notFound('Patient');
      return toPatient(row);
    },

    async list(ctx: RequestContext, query: PageRequest & { externalId?: string }): Promise<Page<Patient>> {
      const position = decodePosition(query.cursor);
      const rows = await readInClinic(db, ctx.clinicId, (tx) =>
        patientsRepository.list(tx, ctx.clinicId, { externalId: query.externalId }, query.limit + 1, position),
      );
      return toPage(rows, query.limit, (r) => ({ at: r.updatedAt, id: r.id }), toPatient);
    },

    /** Changes the fields sent (null clears one) when If-Match names the current version. */
    async patch(ctx: RequestContext, id: string, ifMatch: string | undefined, body: PatchPatientBody): Promise<Patient> {
      const expected = expectedVersions(ifMatch);
      const row = await guardExternalId(body.externalId, () =>
        inClinic(db, ctx.clinicId, async (tx) => {
          // A change that changes nothing is no new version: sync clients would otherwise churn.
          const current = await patientsRepository.findById(tx, ctx.clinicId, id);
          if (current && versionMatches(expected, current.version) && (Object.keys(body) as (keyof typeof body)[]).every((k) => current[k] === body[k]))
            return current;
          return (await patientsRepository.update(tx, ctx.clinicId, id, expected, body)) ?? missOrStale(tx, ctx, id);
        }),
      );
      return toPatient(row);
    },

    /** Soft delete: the patient and their assessments, plans and sessions become tombstones in the change feed. */
    async remove(ctx: RequestContext, id: string, ifMatch: string | undefined): Promise<void> {
      const expected = expectedVersions(ifMatch);
      await inClinic(db, ctx.clinicId, async (tx) => {
        const row = (await patientsRepository.softDelete(tx, ctx.clinicId, id, expected)) ?? (await missOrStale(tx, ctx, id));
        await patientsRepository.softDeleteRecordsOf(tx, ctx.clinicId, row.id);
      });
    },

    /**
     * Creates or replaces the patient the clinic knows by `externalId` (fields left out become
     * empty). An identical record changes nothing, so repeated syncs do not churn versions.
     * If-Match is optional here; when sent it must name the current version.
     */
    async upsertByExternalId(
      ctx: RequestContext,
      externalId: string,
      ifMatch: string | undefined,
      body: PutPatientBody,
    ): Promise<{ created: boolean; patient: Patient }> {
      if (body.externalId !== undefined && body.externalId !== externalId) {
        throw badRequest('The body names a different externalId than the path.', [
          { path: '/externalId', message: `must equal "${externalId}" from the path` },
        ]);
      }
      const fields = {
        firstName: body.firstName ?? null,
        lastName: body.lastName ?? null,
        birthDate: body.birthDate ?? null,
        sex: body.sex ?? null,
      };
      const expected = ifMatch === undefined ? 'any' : expectedVersions(ifMatch);
      return guardExternalId(externalId, () =>
        inClinic(db, ctx.clinicId, async (tx) => {
          const existing = await patientsRepository.findByExternalId(tx, ctx.clinicId, externalId);
          if (!existing) {
            // RFC 9110 §13.1.1: If-Match (even `*`) is false when there is no current representation.
            if (ifMatch !== undefined) throw preconditionFailed(`No patient has the external id ${externalId}: send no If-Match to create one.`);
            const row = await patientsRepository.insert(tx, { clinicId: ctx.clinicId, id: uuidv7(), externalId, ...fields });
            return { created: true, patient: toPatient(row) };
          }
          const unchanged = (Object.keys(fields) as (keyof typeof fields)[]).every((k) => existing[k] === fields[k]);
          if (unchanged && (expected === 'any' || expected.includes(existing.version))) return { created: false, patient: toPatient(existing) };
          const row = (await patientsRepository.update(tx, ctx.clinicId, existing.id, expected, fields)) ?? (await missOrStale(tx, ctx, existing.id));
          return { created: false, patient: toPatient(row) };
        }),
      );
    },
  };
}
