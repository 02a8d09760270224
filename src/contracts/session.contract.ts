import { z } from 'zod';
import { MeasuresSchema } from './assessment.contract';
import type * as engine from '../planning/engine.types';
import { type Assert, RegionCodeSchema, type Same, TechniqueCodeSchema } from './common.contract';
import { EventTimestamp, Timestamp, Uuid } from './http.contract';

const note = z.string().max(5000);

export const SoapNotesSchema = z
  .strictObject({ subjective: note.optional(), objective: note.optional(), assessment: note.optional(), plan: note.optional() })
  .meta({ id: 'SoapNotes' });

export const AdverseEventSeveritySchema = z.enum(['mild', 'moderate', 'severe']).meta({
  id: 'AdverseEventSeverity',
  description:
    'mild: transient soreness or fatigue under 48 h (ease the next dose); moderate: lasting or activity-limiting (reassess); severe: neurological signs, fainting, bruising, bleeding or injury (refer)',
});

const AdverseEventTextSchema = z.string().min(1).max(1000).meta({ description: 'A free-text event, read as moderate' });

/** SPEC §9: an adverse event is text (read as moderate) or a description with its severity. */
export const AdverseEventSchema = z
  .union([AdverseEventTextSchema, z.strictObject({ description: z.string().min(1).max(1000), severity: AdverseEventSeveritySchema })])
  .meta({ id: 'AdverseEvent' });

export const CreateSessionBodySchema = z
  .strictObject({
    performedAt: EventTimestamp,
    minutes: z.int().min(1).max(240),
    techniques: z.array(TechniqueCodeSchema).max(30).meta({ description: 'Empty for a visit that only measures (re-evaluation)' }),
    regions: z.array(RegionCodeSchema).max(20),
    measures: MeasuresSchema.optional().meta({ description: 'Measured this session, in the assessment’s shape' }),
    notes: SoapNotesSchema.optional(),
    adverseEvents: z
      .array(AdverseEventSchema)
      .max(20)
      .optional()
      .meta({ description: 'Anything that went wrong. Mild alone eases the next dose; moderate (or plain text) → reassess; severe → refer' }),
  })
  .meta({ id: 'CreateSession' });

export const SessionSchema = z
  .object({
    id: Uuid,
    planId: Uuid,
    performedAt: Timestamp,
    minutes: z.int(),
    techniques: z.array(TechniqueCodeSchema),
    regions: z.array(RegionCodeSchema),
    measures: MeasuresSchema,
    notes: SoapNotesSchema.nullable(),
    adverseEvents: z.array(AdverseEventSchema).meta({ description: 'As recorded: text (read as moderate) or { description, severity }' }),
    version: z.int(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Session' });

export type CreateSessionBody = z.infer<typeof CreateSessionBodySchema>;
export type Session = z.infer<typeof SessionSchema>;
export type AdverseEvent = z.infer<typeof AdverseEventSchema>;
export type AdverseEventSeverity = z.infer<typeof AdverseEventSeveritySchema>;

// Adverse events as the engine reads them, stated in src/planning (see Same in common.contract.ts).
type _EngineAdverseEvent = Assert<Same<AdverseEvent, engine.AdverseEvent>>;
