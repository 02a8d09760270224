import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { loadConfig } from '../../src/config';
import { createServices, serviceOptionsFrom, type ServiceOptions, type Services } from '../../src/container';
import type { Database } from '../../src/db/database';
import { buildApp, type AppDeps } from '../../src/http/app';
import { createLifecycle, type Lifecycle } from '../../src/http/lifecycle';
import { createLogger } from '../../src/logger';
import { appServices } from '../../src/routes';
import { openTestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: Database;
  lifecycle: Lifecycle;
  /** Every log line the app wrote, as text. */
  logs: string[];
  http: () => ReturnType<typeof request>;
  /** A new clinic with a key of every scope. */
  createClinic(name?: string): Promise<TestClinic>;
  close(): Promise<void>;
}

export interface TestClinic {
  clinicId: string;
  adminKey: string;
  /** A further key of the clinic with exactly these scopes. */
  keyWith(...scopes: ('read' | 'write' | 'admin')[]): Promise<string>;
}

/** The real app on a real (embedded or server) database, as a clinic's software would meet it. */
export async function startTestApp(
  options: {
    database?: Database;
    services?: (s: Services) => Services;
    logLevel?: string;
    serviceOptions?: Partial<ServiceOptions>;
    /** Further options of buildApp (trustProxy, time-outs…). */
    appOptions?: Partial<Omit<AppDeps, 'routes' | 'authentication' | 'audit' | 'readConsistency' | 'logger' | 'lifecycle'>>;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase());
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(options.logLevel ?? 'info', sink as unknown as pino.DestinationStream);
  // Failed-authentication throttling is off unless a test asks for it: every test file speaks
  // from 127.0.0.1 to one shared database, so one file's deliberate failures (the fuzzer's
  // bad-key envelope above all) would throttle another's requests. auth-throttle.test.ts tests
  // it with addresses of its own.
  const base = createServices(database, logger, { ...serviceOptionsFrom(loadConfig({})), authFailuresPerMinute: 0, ...options.serviceOptions });
  const services = options.services ? options.services(base) : base;
  const lifecycle = createLifecycle();
  const app = await buildApp({ ...options.appOptions, ...appServices(services), logger, lifecycle });
  await app.ready();

  return {
    app,
    services,
    database,
    lifecycle,
    logs,
    http: () => request(app.server),
    async createClinic(name = 'Test clinic') {
      const { clinic, secret } = await services.clinics.create(name);
      return {
        clinicId: clinic.id,
        adminKey: secret,
        async keyWith(...scopes) {
          const { secret: key } = await services.apiKeys.create(clinic.id, { name: `test ${scopes.join(',')}`, scopes });
          return key;
        },
      };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
