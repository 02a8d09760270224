import { z } from 'zod';
import { MeasuresSchema } from './assessment.contract';
import { RegionCodeSchema, TechniqueCodeSchema } from './common.contract';
import { EventTimestamp, Timestamp, Uuid } from './http.contract';

const note = z.string().max(5000);

export const SoapNotesSchema = z
  .strictObject({ subjective: note.optional(), objective: note.optional(), assessment: note.optional(), plan: note.optional() })
  .meta({ id: 'SoapNotes' });

export const CreateSessionBodySchema = z
  .strictObject({
    performedAt: EventTimestamp,
    minutes: z.int().min(1).max(240),
    techniques: z.array(TechniqueCodeSchema).min(1).max(30),
    regions: z.array(RegionCodeSchema).max(20),
    measures: MeasuresSchema.optional().meta({ description: 'Measured this session, in the assessment’s shape' }),
    notes: SoapNotesSchema.optional(),
    adverseEvents: z.array(z.string().min(1).max(1000)).max(20).optional().meta({ description: 'Anything that went wrong; any entry makes progress recommend referral' }),
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
    adverseEvents: z.array(z.string()),
    version: z.int(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Session' });

export type CreateSessionBody = z.infer<typeof CreateSessionBodySchema>;
export type Session = z.infer<typeof SessionSchema>;
