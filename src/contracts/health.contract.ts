import { z } from 'zod';

export const LiveSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });
export const ReadySchema = z.object({ status: z.literal('ok'), database: z.enum(['postgres', 'pglite']) }).meta({ id: 'Readiness' });
