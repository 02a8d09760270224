// The HTTP floor: bare Fastify on the same Node, answering with a body the size and shape of a
// real plan (the one the service returned in this run). No schema, no database, no auth, no
// logging: what serving such a body costs on this machine before Manuplan does anything.
//   GET  /plan   → the plan                          (floor of GET /v1/plans/{id})
//   POST /plan   → parses the JSON body, the plan   (floor of POST /v1/assessments/preview)
// Run: node --import tsx bench/perf/http-floor.server.ts <port> <plan.json>
import fs from 'node:fs';
import Fastify from 'fastify';

const [port, planFile] = process.argv.slice(2);
const plan: unknown = JSON.parse(fs.readFileSync(planFile!, 'utf8'));

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.get('/plan', async () => plan);
app.post('/plan', async () => plan);
app.get('/ready', async () => ({ ok: true }));

app.listen({ port: Number(port), host: '127.0.0.1' }).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
