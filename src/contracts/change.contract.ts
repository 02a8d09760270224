import { z } from 'zod';
import { PageQuery, Timestamp, Uuid } from './http.contract';

export const CHANGE_TYPES = ['patient', 'assessment', 'plan', 'session'] as const;

export const ChangeSchema = z
  .object({
    type: z.enum(CHANGE_TYPES),
    id: Uuid,
    version: z.int().meta({ description: 'The version the resource reached with this change' }),
    op: z.enum(['upsert', 'delete']).meta({ description: 'upsert: the resource exists at this version (fetch it); delete: a tombstone, drop it' }),
    changedAt: Timestamp,
  })
  .meta({ id: 'Change' });

export const ChangesPageSchema = z
  .object({
    data: z.array(ChangeSchema),
    nextCursor: z.string().nullable().meta({ description: 'Where the next page starts while more changes are ready now; null once the client has caught up' }),
    syncCursor: z.string().meta({
      description: 'Always present: the position after this page. Store it once the page is applied; poll from it later to receive only newer changes',
    }),
  })
  .meta({ id: 'ChangesPage' });

export const ListChangesQuerySchema = PageQuery;

export type Change = z.infer<typeof ChangeSchema>;
export type ChangesPage = z.infer<typeof ChangesPageSchema>;
