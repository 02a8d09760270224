import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { openApiPath, withConsistencyTokens } from './openapi-consistency';
import { withSecurityDocumentation } from './openapi-security';

type OpenApiDocument = { components?: { schemas?: Record<string, unknown> } } & Record<string, unknown>;

/**
 * The zod registry yields an input and an output variant of every named schema; keep only
 * the components something references, so the document lists what the API really uses.
 */
function withoutUnusedSchemas(document: OpenApiDocument): OpenApiDocument {
  const schemas = document.components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith('#/components/schemas/')) {
          const name = child.slice('#/components/schemas/'.length);
          if (!used.has(name)) {
            used.add(name);
            visit(schemas[name]);
          }
        } else visit(child);
      }
    }
  };
  visit({ ...document, components: { ...document.components, schemas: {} } });
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...document.components, schemas: kept } };
}

export const API_VERSION = '1.0.0';

export const TAGS = [
  { name: 'patients', description: 'People under care, with the clinic’s own external ids for sync' },
  { name: 'assessments', description: 'What the therapist found; each yields a plan' },
  { name: 'plans', description: 'Treatment plans, their versions, sessions and progress' },
  { name: 'sync', description: 'Incremental change feed and FHIR export' },
  { name: 'catalog', description: 'The knowledge base behind the planning engine' },
  { name: 'admin', description: 'API keys and the audit trail (admin scope)' },
  { name: 'webhooks', description: 'Signed event deliveries to the clinic’s own URLs, Standard Webhooks style (admin scope)' },
  { name: 'health', description: 'Liveness and readiness' },
];

// x-internal: false — a public API for clinics' software, not an internal one (OWASP API9, inventory).
const SERVER = { url: '/', description: 'This server: production, staging or local, wherever it is deployed', 'x-internal': false };

/** OpenAPI 3.1 generated from the routes' zod schemas, served at /openapi.json with Swagger UI at /docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  // GET routes that never read from the replica (readFromPrimary), seen as each route is documented.
  const primaryReads = new Set<string>();
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Manuplan API',
        version: API_VERSION,
        description:
          'Customized, explainable treatment plans for medical massage and manual therapy. ' +
          'Errors are RFC 9457 problem details; lists are cursor-paged; changes need If-Match; POSTs accept Idempotency-Key; ' +
          'writes answer X-Consistency-Token, which a later GET sends back to read its writes (from a read replica too).',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [SERVER],
      tags: TAGS,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key of the clinic: "Authorization: Bearer mpk_…"' },
        },
      },
      security: [{ bearerAuth: [] }],
    },
    transform: (route) => {
      if (route.route.config?.readFromPrimary) primaryReads.add(openApiPath(route.url));
      return jsonSchemaTransform(route);
    },
    transformObject: (documentObject) =>
      withConsistencyTokens(
        withSecurityDocumentation(withoutUnusedSchemas(withoutNotModifiedBodies(jsonSchemaTransformObject(documentObject) as OpenApiDocument))),
        primaryReads,
      ) as ReturnType<typeof jsonSchemaTransformObject>,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    // Swagger UI's own policy (its inline scripts by hash, nothing from elsewhere but fonts and
    // styles), without upgrade-insecure-requests: over plain HTTP (a local setup) it would send
    // the page's own requests to an https:// that is not there.
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

/** A 304 has no body (RFC 9110 §15.4.5): its response is declared with a void schema, documented without content. */
function withoutNotModifiedBodies(document: OpenApiDocument): OpenApiDocument {
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) {
      const responses = (operation as { responses?: Record<string, { content?: unknown }> } | undefined)?.responses;
      if (responses?.['304']) delete responses['304'].content;
    }
  }
  return document;
}

/** The OpenAPI document as committed in openapi/openapi.json: stable, indented, newline-terminated. */
export function renderOpenApiDocument(app: FastifyInstance): string {
  return JSON.stringify(app.swagger(), null, 2) + '\n';
}
