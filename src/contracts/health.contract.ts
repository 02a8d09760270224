import { z } from 'zod';

export const LiveSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

const ReplicaStateSchema = z.object({
  status: z.enum(['up', 'lagging', 'down']).describe('up: answering within DATABASE_READ_MAX_LAG_MS; lagging: answering, further behind; down: not answering'),
  lagMs: z
    .number()
    .int()
    .min(0)
    .nullable()
    .describe('How far behind the primary it was at the last probe; null when unknown (down, or lagging further than the probes remember)'),
  servingReads: z.boolean().describe('Whether reads go to it now (else to the primary)'),
});

export const ReadySchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['postgres', 'pglite']),
    databases: z
      .object({
        primary: z.object({ status: z.literal('up') }),
        replica: ReplicaStateSchema.optional().describe('The read replica (DATABASE_READ_URL), when configured'),
        listener: z
          .object({ status: z.enum(['up', 'down']) })
          .optional()
          .describe('The LISTEN connection (DATABASE_LISTEN_URL, else DATABASE_URL): down means revocations wait for the cache TTL'),
      })
      .describe('Each database the instance uses; only the primary decides readiness'),
  })
  .meta({ id: 'Readiness' });

export type Readiness = z.infer<typeof ReadySchema>;
