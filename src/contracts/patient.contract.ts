import { z } from 'zod';
import { EventDate, PageQuery, Timestamp, Uuid } from './http.contract';

export const SexSchema = z.enum(['female', 'male', 'other', 'unknown']).meta({ description: 'Administrative sex, as FHIR Patient.gender' });

export const ExternalIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:@-]+$/, 'letters, digits and . _ : @ - only')
  .meta({ description: "The clinic's own id for the patient (unique among the clinic's live patients)" });

const name = z.string().trim().min(1).max(100);
const birthDate = EventDate.refine((d) => d <= new Date().toISOString().slice(0, 10), 'must not be in the future');

export const PatientSchema = z
  .object({
    id: Uuid,
    externalId: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    birthDate: z.string().nullable(),
    sex: SexSchema.nullable(),
    version: z.int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Patient' });

export const CreatePatientBodySchema = z
  .strictObject({
    externalId: ExternalIdSchema.optional(),
    firstName: name.optional(),
    lastName: name.optional(),
    birthDate: birthDate.optional(),
    sex: SexSchema.optional(),
  })
  .meta({ id: 'CreatePatient' });

/** A whole patient record from a syncing client; the external id comes from the path (repeating it is allowed). */
export const PutPatientBodySchema = z
  .strictObject({
    externalId: ExternalIdSchema.optional(),
    firstName: name.nullable().optional(),
    lastName: name.nullable().optional(),
    birthDate: birthDate.nullable().optional(),
    sex: SexSchema.nullable().optional(),
  })
  .meta({ id: 'PutPatient' });

/** Only the fields sent change; null clears one. */
export const PatchPatientBodySchema = z
  .strictObject({
    externalId: ExternalIdSchema.nullable().optional(),
    firstName: name.nullable().optional(),
    lastName: name.nullable().optional(),
    birthDate: birthDate.nullable().optional(),
    sex: SexSchema.nullable().optional(),
  })
  .meta({ id: 'PatchPatient' });

export const ListPatientsQuerySchema = PageQuery.extend({ externalId: ExternalIdSchema.optional() });
export const ExternalIdParams = z.strictObject({ externalId: ExternalIdSchema });

export type Patient = z.infer<typeof PatientSchema>;
export type CreatePatientBody = z.infer<typeof CreatePatientBodySchema>;
export type PutPatientBody = z.infer<typeof PutPatientBodySchema>;
export type PatchPatientBody = z.infer<typeof PatchPatientBodySchema>;
