import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { lowBackAssessment } from '../support/fixtures';
import {
  BODY_MUTATIONS,
  hostileJson,
  pathsOf,
  validValue,
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  type Parameter,
} from '../support/openapi-arbitraries';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Schema-driven fuzzing. Every operation of the committed OpenAPI document gets requests made
 * from its own schemas — valid ones, and ones broken in every way a client or an attacker
 * could break them (wrong types, missing and unknown fields, huge and deeply nested values,
 * hostile strings, bad ids, cursors, headers, media types, JSON and credentials) — and every
 * answer must hold to the contract:
 * - never a 5xx;
 * - a status the operation documents;
 * - an error is application/problem+json, valid against the Problem schema, its `status` the HTTP one;
 * - a 2xx is valid (ajv, JSON Schema 2020-12, $refs into the components) against the schema the
 *   document gives for that status and media type.
 * Deterministic: a fixed seed (FUZZ_SEED) and FUZZ_RUNS cases per operation and kind.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260101);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'openapi', 'openapi.json'), 'utf8')) as OpenApiDocument;
const DOC_ID = 'https://manuplan.dev/openapi.json';

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addSchema({ $id: DOC_ID, components: doc.components });
const validators = new Map<string, ValidateFunction>();

/** A validator for a schema of the document, its local $refs pointed at the components. */
function validatorFor(schema: JsonSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    const absolute = JSON.parse(key.replace(/"#\/components\//g, `"${DOC_ID}#/components/`));
    validate = ajv.compile(absolute);
    validators.set(key, validate);
  }
  return validate;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Case {
  kind: string;
  request: InjectOptions;
}

interface Fixture {
  key: string;
  patientId: string;
  planId: string;
  assessmentId: string;
  spareKeyId: string;
}

const operations = Object.entries(doc.paths).flatMap(([route, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ route, method: method.toUpperCase() as Method, op })),
);

const resolveHeader = (header: unknown) => {
  const $ref = (header as { $ref?: string }).$ref;
  return $ref ? (doc as unknown as { components: { headers: Record<string, unknown> } }).components.headers[$ref.split('/').pop()!] : header;
};

/** A path segment as a client would write it; a lone surrogate goes out as the bytes of its UTF-8 encoding. */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}

// Header values a client can put on the wire (visible ASCII), for the headers the document declares.
const headerValue = (max: number) => fc.stringMatching(/^[!-~]+$/).filter((v) => v.length <= max);

describe('schema-driven fuzzing of every operation in openapi/openapi.json', () => {
  let t: TestApp;
  let fixture: Fixture;
  const failures = new Map<string, string>();
  let cases = 0;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    t = await startTestApp({ logLevel: 'silent' });
    const c = await t.createClinic('Fuzz clinic');
    const auth = { Authorization: `Bearer ${c.adminKey}` };
    const patient = await t.http().post('/v1/patients').set(auth).send({ firstName: 'Fuzz', externalId: 'FUZZ-1' });
    const created = await t.http().post('/v1/assessments').set(auth).send(lowBackAssessment(patient.body.id));
    const plan = created.body.plan;
    const technique = plan.techniques[0];
    await t
      .http()
      .post(`/v1/plans/${plan.id}/sessions`)
      .set(auth)
      .send({
        performedAt: new Date().toISOString(),
        minutes: 30,
        techniques: [technique.code],
        regions: [technique.region],
        measures: { painNrs: 5 },
      });
    const spare = await t
      .http()
      .post('/v1/api-keys')
      .set(auth)
      .send({ name: 'spare', scopes: ['read'] });
    fixture = { key: c.adminKey, patientId: patient.body.id, planId: plan.id, assessmentId: created.body.assessment.id, spareKeyId: spare.body.apiKey.id };
  });

  afterAll(async () => {
    await t?.close();
    const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
    console.log(`openapi fuzz: ${cases} cases over ${operations.length} operations; statuses ${byStatus.join(', ')}`);
  });

  /** A real id for the path's resource (so that valid requests reach the service, not only 404). */
  const realId = (route: string) => {
    if (route.startsWith('/v1/patients/')) return fixture.patientId;
    if (route.startsWith('/v1/plans/')) return fixture.planId;
    if (route.startsWith('/v1/assessments/')) return fixture.assessmentId;
    if (route.startsWith('/v1/api-keys/')) return fixture.spareKeyId;
    return undefined;
  };

  function requestArbitrary(route: string, method: Method, op: Operation, valid: boolean): fc.Arbitrary<Case> {
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const headerParams = params.filter((p) => p.in === 'header');
    const bodySchema = op.requestBody?.content['application/json']?.schema;
    const id = realId(route);

    const pathValue = (p: Parameter) =>
      valid
        ? fc
            .oneof({ weight: 4, arbitrary: fc.constant(id ?? '') }, { weight: 1, arbitrary: validValue(doc, p.schema) as fc.Arbitrary<string> })
            .map((v) => (v === '' ? 'FUZZ-1' : v))
        : fc.oneof(
            fc.string({ minLength: 1, maxLength: 300 }).filter((v) => v !== '.' && v !== '..'),
            fc.constantFrom('%2e%2e', 'null', '%00', '\u0000', '\ud800', '0', '-1', '😀', 'a'.repeat(2000), '00000000-0000-0000-0000-00000000000g'),
          );
    const queryValue = (p: Parameter) =>
      valid
        ? validValue(doc, p.schema).map(String)
        : fc.oneof(fc.string({ maxLength: 600 }), fc.constantFrom('-1', '0', '201', '1e3', 'NaN', '[]', '', 'a'.repeat(600)));
    const headerArb = (p: Parameter) =>
      valid ? headerValue(p.schema.maxLength ?? 255) : fc.oneof(headerValue(1000), fc.constantFrom('', '"', 'W/"-1"', '*', 'W/"1", W/"x"'));
    const body: fc.Arbitrary<unknown> = bodySchema
      ? valid
        ? validValue(doc, bodySchema).map((b) => (b && typeof b === 'object' && 'patientId' in b ? { ...b, patientId: fixture.patientId } : b))
        : fc.tuple(validValue(doc, bodySchema), fc.constantFrom(...Object.keys(BODY_MUTATIONS)), fc.nat(), hostileJson).map(([b, mutation, at, junk]) => {
            const spots = pathsOf(b);
            return BODY_MUTATIONS[mutation]!(b, spots[at % spots.length]!, junk);
          })
      : fc.constant(undefined);

    return fc
      .record({
        path: fc.tuple(...pathParams.map(pathValue)),
        query: fc.tuple(...queryParams.map((p) => fc.option(queryValue(p), { freq: 2 }))),
        headers: fc.tuple(...headerParams.map((p) => fc.option(headerArb(p), { freq: 2 }))),
        body,
        // Only invalid cases vary the envelope: media type, raw body, credentials.
        envelope: valid ? fc.constant('plain') : fc.constantFrom('plain', 'plain', 'plain', 'mediaType', 'rawBody', 'noAuth', 'badAuth', 'emptyBody'),
        rawBody: fc.constantFrom(
          '{',
          '{"a":',
          '[1,2',
          'null',
          '"text"',
          '{"__proto__":{"admin":true}}',
          '{"constructor":{"prototype":{"x":1}}}',
          '\u0000',
          '{}'.repeat(10),
        ),
      })
      .map(({ path: pathValues, query, headers, body: b, envelope, rawBody }) => {
        let url = route;
        pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodeSegment(pathValues[i]!))));
        const search = new URLSearchParams();
        queryParams.forEach((p, i) => query[i] !== null && search.set(p.name, query[i]!));
        const requestHeaders: Record<string, string> = {};
        headerParams.forEach((p, i) => headers[i] !== null && (requestHeaders[p.name] = headers[i]!));
        if (op.security?.length !== 0) requestHeaders.authorization = `Bearer ${fixture.key}`;
        let payload: string | undefined = b === undefined ? undefined : JSON.stringify(b);
        if (payload !== undefined) requestHeaders['content-type'] = 'application/json';
        if (envelope === 'mediaType' && payload !== undefined) requestHeaders['content-type'] = 'text/plain';
        if (envelope === 'rawBody' && bodySchema) payload = rawBody;
        if (envelope === 'emptyBody' && bodySchema) payload = '';
        if (envelope === 'noAuth') delete requestHeaders.authorization;
        if (envelope === 'badAuth') requestHeaders.authorization = 'Bearer mpk_notarealkey_' + 'x'.repeat(43);
        const qs = search.toString();
        return { kind: valid ? 'valid' : `invalid:${envelope}`, request: { method, url: qs ? `${url}?${qs}` : url, headers: requestHeaders, payload } };
      });
  }

  /** Holds the answer to the contract; returns what is wrong, or undefined. */
  function breach(op: Operation, res: LightMyRequestResponse): string | undefined {
    if (res.statusCode >= 500) return `5xx ${res.statusCode}: ${res.body.slice(0, 300)}`;
    const documented = op.responses[String(res.statusCode)];
    if (!documented) return `undocumented status ${res.statusCode}: ${res.body.slice(0, 200)}`;
    if (!res.headers['x-request-id']) return 'no X-Request-Id';
    // The headers the document promises are sent: the required ones (Retry-After) always, the
    // others (rate-limit policy) at least on every success — but X-Consistency-Token, sent only
    // when the service reads from a replica, which this app has not.
    for (const [name, header] of Object.entries(documented.headers ?? {})) {
      if (name === 'X-Consistency-Token') continue;
      const required = (resolveHeader(header) as { required?: boolean }).required === true;
      if ((required || res.statusCode < 300) && res.headers[name.toLowerCase()] === undefined) return `documented header ${name} missing on ${res.statusCode}`;
    }
    const contentType = String(res.headers['content-type'] ?? '').split(';')[0]!;
    if (res.statusCode >= 400) {
      if (contentType !== 'application/problem+json') return `error ${res.statusCode} as ${contentType}`;
      const body = res.json() as { status?: unknown };
      const validate = validatorFor({ $ref: '#/components/schemas/Problem' });
      if (!validate(body)) return `invalid problem: ${ajv.errorsText(validate.errors)}`;
      if (body.status !== res.statusCode) return `problem status ${body.status} on HTTP ${res.statusCode}`;
      return undefined;
    }
    if (!documented.content) return res.body.length === 0 ? undefined : `undocumented body on ${res.statusCode}`;
    const media = documented.content[contentType];
    if (!media) return `undocumented media type ${contentType} on ${res.statusCode}`;
    const validate = validatorFor(media.schema);
    if (!validate(res.json())) return `${res.statusCode} body breaks its schema: ${ajv.errorsText(validate.errors).slice(0, 500)}`;
    return undefined;
  }

  /** For a valid change, the resource's current ETag most of the time, so that changes can land. */
  async function withCurrentEtag(request: InjectOptions, route: string): Promise<InjectOptions> {
    const headers = request.headers as Record<string, string>;
    if (!('if-match' in headers) || route.startsWith('/v1/patients/by-external-id')) return request;
    const current = await t.app.inject({ method: 'GET', url: String(request.url), headers: { authorization: headers.authorization! } });
    if (current.statusCode === 200) headers['if-match'] = String(current.headers.etag);
    return request;
  }

  it.each(operations.map((o) => [`${o.method} ${o.route} (${o.op.operationId})`, o] as const))('%s', async (_name, { route, method, op }) => {
    let seed = SEED + op.operationId.length * 7919;
    for (const valid of [true, false]) {
      const sample = fc.sample(requestArbitrary(route, method, op, valid), { numRuns: RUNS, seed: seed++ });
      for (const c of sample) {
        const request = valid && (method === 'PATCH' || method === 'DELETE') ? await withCurrentEtag(c.request, route) : c.request;
        const res = await t.app.inject(request);
        cases += 1;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const wrong = breach(op, res);
        if (wrong) {
          const signature = `${method} ${route} [${c.kind}] ${wrong.replace(/[0-9a-f-]{36}/g, '<id>').slice(0, 160)}`;
          if (!failures.has(signature)) failures.set(signature, `${signature}\n  request: ${JSON.stringify(request).slice(0, 600)}`);
        }
      }
    }
    const mine = [...failures.entries()].filter(([s]) => s.startsWith(`${method} ${route} `)).map(([, detail]) => detail);
    expect(mine).toEqual([]);
  });
});
