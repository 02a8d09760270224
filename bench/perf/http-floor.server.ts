// The HTTP floors: Fastify on the same Node, with none of Manuplan's work — no schema, no
// authentication, no audit, no logging.
//   GET  /plan         → a plan from memory, the size and shape of the real one (bare Fastify)
//   POST /plan         → parses the JSON body, the plan from memory                    (bare Fastify)
//   GET  /catalog      → a body the size of GET /v1/catalog's, from memory             (bare Fastify)
//   GET  /db/plan/:id  → the plan's row read by node-postgres with one prepared statement,
//                        as the table's owner (no row-level security): the read floor of
//                        GET /v1/plans/{id}
//   POST /db/plan/:id  → parses the JSON body, then the same read: the floor of
//                        POST /v1/assessments/preview (which also reads one row)
// Run: node --import tsx bench/perf/http-floor.server.ts <port> <plan.json> <catalog.json> <database url> <clinic id>
import fs from 'node:fs';
import Fastify from 'fastify';
import { Pool } from 'pg';

const [port, planFile, catalogFile, databaseUrl, clinicId] = process.argv.slice(2);
const plan: unknown = JSON.parse(fs.readFileSync(planFile!, 'utf8'));
const catalog: unknown = JSON.parse(fs.readFileSync(catalogFile!, 'utf8'));
// The service's default pool size (DB_POOL_SIZE).
const pool = new Pool({ connectionString: databaseUrl, max: 10 });
const readPlan = async (id: string) => {
  const { rows } = await pool.query({
    name: 'plan',
    text: 'select * from plans where clinic_id = $1 and id = $2 and deleted_at is null',
    values: [clinicId, id],
  });
  return rows[0] as unknown;
};

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.get('/plan', async () => plan);
app.post('/plan', async () => plan);
app.get('/catalog', async () => catalog);
app.get<{ Params: { id: string } }>('/db/plan/:id', async (request) => readPlan(request.params.id));
app.post<{ Params: { id: string } }>('/db/plan/:id', async (request) => readPlan(request.params.id));
app.get('/ready', async () => ({ ok: true }));

app.listen({ port: Number(port), host: '127.0.0.1' }).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
process.on('SIGTERM', () => void app.close().then(() => pool.end().then(() => process.exit(0))));
