import type { FastifyInstance, FastifyRequest } from 'fastify';
import { costLedger } from '../lib/cost-ledger';

declare module 'fastify' {
  interface FastifyRequest {
    /** Begun in the cost ledger and not yet ended. */
    costLedgerOpen?: boolean;
  }
}

/**
 * The HTTP stages of the benchmark's cost ledger (src/lib/cost-ledger.ts); nothing at all
 * unless BENCH_LEDGER is set. Register it before any other hook, and `endCostLedger` after the
 * last onResponse hook: the hooks of one kind run in the order they were added.
 */
export function registerCostLedger(app: FastifyInstance): void {
  const ledger = costLedger;
  if (!ledger) return;
  app.addHook('onRequest', (request, reply, done) => {
    request.costLedgerOpen = true;
    ledger.begin(`${request.method} ${request.routeOptions.url ?? '(no route)'}`);
    // A request its client gave up on may never reach onResponse: it must still leave the
    // ledger. 'close' comes after 'finish', whose onResponse hooks are let run first.
    reply.raw.once('close', () => setImmediate(() => endCostLedgerEntry(request)));
    done();
  });
  const mark = (name: string) => (_request: unknown, _reply: unknown, payload: unknown, done: (err: null, payload: unknown) => void) => {
    ledger.stage(name);
    done(null, payload);
  };
  app.addHook('preParsing', (_request, _reply, payload, done) => {
    ledger.stage('body parsing');
    done(null, payload);
  });
  app.addHook('preValidation', (_request, _reply, done) => {
    ledger.stage('validation');
    done();
  });
  app.addHook('preHandler', (_request, _reply, done) => {
    ledger.stage('handler');
    done();
  });
  app.addHook('preSerialization', mark('serialization'));
  app.addHook('onSend', mark('send'));
  app.addHook('onResponse', (_request, _reply, done) => {
    ledger.stage('audit');
    done();
  });
}

/** Closes each request's ledger entry once every other onResponse hook has run. */
export function endCostLedger(app: FastifyInstance): void {
  const ledger = costLedger;
  if (!ledger) return;
  app.addHook('onResponse', (request, _reply, done) => {
    endCostLedgerEntry(request);
    done();
  });
}

function endCostLedgerEntry(request: FastifyRequest): void {
  if (!request.costLedgerOpen) return;
  request.costLedgerOpen = false;
  costLedger?.end();
}
