// Load shedding for the whole process: when the event loop lags past the limit, every request is
// waiting behind the backlog, so new ones are turned away at once (503 problem+json with
// Retry-After) instead of timing out later. The per-key cap (in-flight.ts) protects the pool from
// one key; this protects the process from all of them. Liveness still answers: it is how an
// orchestrator tells a busy process from a dead one.
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { serviceUnavailable } from '../errors';

const RETRY_AFTER_SECONDS = 2;

export async function registerOverloadShedding(app: FastifyInstance, maxEventLoopDelayMs: number): Promise<void> {
  if (maxEventLoopDelayMs <= 0) return;
  await app.register(underPressure, {
    maxEventLoopDelay: maxEventLoopDelayMs,
    // Sampling often enough that a burst is noticed within a few hundred milliseconds.
    sampleInterval: Math.max(10, Math.min(500, Math.floor(maxEventLoopDelayMs / 2))),
    exposeStatusRoute: false,
    // A rejected promise goes to the app's error handler, which answers problem+json.
    pressureHandler: async (request) => {
      if (!request.url.startsWith('/health/live')) throw serviceUnavailable('The service is overloaded. Retry shortly.', RETRY_AFTER_SECONDS);
    },
  });
}
