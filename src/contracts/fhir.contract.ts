// GET /v1/plans/{id}/fhir: a FHIR R4 Bundle. FHIR defines these resources; this schema describes the
// envelope and, per resource type, the elements every export carries, and lets the rest of each
// resource through as FHIR defines it (https://hl7.org/fhir/R4/) — an honest, permissive description.
import { z } from 'zod';

const FhirId = z.string().meta({ description: 'The resource id: our id, or a UUIDv5 derived from its parent’s id (stable across exports)' });
const FhirReference = z.looseObject({ reference: z.string().meta({ description: 'urn:uuid: of another entry of this bundle' }) });
const Concept = z.looseObject({
  coding: z.array(z.looseObject({ system: z.string(), code: z.string(), display: z.string().optional() })).optional(),
  text: z.string().optional(),
});

const resource = <T extends string, S extends z.ZodRawShape>(resourceType: T, description: string, shape: S) =>
  z.looseObject({ resourceType: z.literal(resourceType), id: FhirId, ...shape }).meta({ id: `Fhir${resourceType}`, description });

export const FhirResourceSchema = z.discriminatedUnion('resourceType', [
  resource('Patient', 'FHIR R4 Patient: identifiers (our id, the clinic’s externalId), name, gender, birthDate', {}),
  resource('CarePlan', 'FHIR R4 CarePlan: the plan, with an activity per technique and home exercise (code, body site, scheduledTiming, goals)', {
    status: z
      .enum(['draft', 'active', 'on-hold', 'revoked', 'completed'])
      .meta({ description: 'draft, active, on_hold → on-hold, completed, discontinued → revoked' }),
    intent: z.literal('plan'),
    subject: FhirReference,
  }),
  resource('Goal', 'FHIR R4 Goal: one per plan goal, target.measure (LOINC where the catalog has it), detailRange, dueDate, achievementStatus from progress', {
    lifecycleStatus: z.string(),
    description: Concept,
    subject: FhirReference,
  }),
  resource('Condition', 'FHIR R4 Condition: one per pain location, SNOMED CT finding and body site, onset from the duration', {
    code: Concept,
    subject: FhirReference,
  }),
  resource('Observation', 'FHIR R4 Observation: a baseline or session measure (pain NRS is LOINC 72514-3)', {
    status: z.literal('final'),
    code: Concept,
    subject: FhirReference,
    effectiveDateTime: z.string(),
  }),
  resource('Procedure', 'FHIR R4 Procedure: one per technique delivered in a session', {
    status: z.literal('completed'),
    code: Concept,
    subject: FhirReference,
    performedDateTime: z.string(),
  }),
]);

export const FhirBundleSchema = z
  .object({
    resourceType: z.literal('Bundle'),
    meta: z.object({ lastUpdated: z.string() }),
    type: z.literal('collection'),
    timestamp: z.string().meta({ description: 'The latest change the bundle contains, so repeated exports of unchanged data are identical' }),
    entry: z.array(
      z.object({
        fullUrl: z.string().meta({ description: 'urn:uuid:<resource id>; references inside the bundle use it' }),
        resource: FhirResourceSchema,
      }),
    ),
  })
  .meta({
    id: 'FhirBundle',
    description:
      'A FHIR R4 (4.0.1) Bundle of type collection: the Patient, the CarePlan, a Condition per pain location, a Goal per plan goal, ' +
      'Observations for the baseline and session measures, and a Procedure per technique delivered. See docs/fhir.md for the mapping.',
  });

/** The media types the FHIR export answers with: FHIR's own JSON type unless the client asks for plain JSON. */
export const FHIR_JSON = 'application/fhir+json';
export const PLAIN_JSON = 'application/json';
