// Writes or checks openapi/openapi.json, the committed contract generated from the routes' zod schemas.
// `check` fails (exit 1) when the committed file differs from what the code generates.
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { createServices, serviceOptionsFrom } from '../src/container';
import type { Database } from '../src/db/database';
import { buildApp } from '../src/http/app';
import { renderOpenApiDocument } from '../src/http/openapi';
import { appServices } from '../src/routes';

const FILE = path.resolve(__dirname, '..', 'openapi', 'openapi.json');

// Generating the document runs no handler, so the app gets a database that refuses any use.
const refuse = (): never => {
  throw new Error('the OpenAPI generator does not use the database');
};
const noDatabase: Database = {
  kind: 'pglite',
  db: new Proxy({}, { get: refuse }) as Database['db'],
  ping: refuse,
  migrate: refuse,
  listen: () => undefined,
  close: async () => undefined,
};

async function main(mode: string | undefined): Promise<number> {
  const logger = pino({ level: 'silent' });
  const app = await buildApp({ ...appServices(createServices(noDatabase, logger, serviceOptionsFrom(loadConfig({})))), logger });
  await app.ready();
  const generated = renderOpenApiDocument(app);
  await app.close();
  if (mode === 'write') {
    fs.mkdirSync(path.dirname(FILE), { recursive: true });
    fs.writeFileSync(FILE, generated);
    console.log(`wrote ${path.relative(process.cwd(), FILE)}`);
    return 0;
  }
  if (mode === 'check') {
    const committed = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
    if (committed === generated) {
      console.log('openapi/openapi.json is up to date');
      return 0;
    }
    console.error('openapi/openapi.json is stale: run `npm run openapi:write` and commit the result.');
    return 1;
  }
  console.error('usage: tsx scripts/openapi.ts write|check');
  return 2;
}

void main(process.argv[2]).then((code) => {
  process.exitCode = code;
});
