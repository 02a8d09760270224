import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FHIR_JSON, FhirBundleSchema, PLAIN_JSON } from '../../contracts/fhir.contract';
import { IdParams, problemResponses } from '../../contracts/http.contract';
import { ProblemError } from '../../errors';
import { contextOf } from '../../http/context';
import type { FhirService } from './fhir.service';

type Offer = typeof FHIR_JSON | typeof PLAIN_JSON;

/**
 * Content negotiation for the FHIR export (RFC 9110 §12.5.1): the offer whose best-matching media
 * range has the highest q wins, FHIR's own type on a tie (so no Accept, *\/* and a browser's
 * default all get application/fhir+json). Also understood: the pre-R4 type application/json+fhir.
 * Undefined when the client accepts neither (406).
 */
export function negotiateFhirMediaType(accept: string | undefined): Offer | undefined {
  if (!accept || accept.trim() === '') return FHIR_JSON;
  const ranges = accept.split(',').map((part) => {
    const [range = '', ...params] = part
      .trim()
      .toLowerCase()
      .split(';')
      .map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    return { range: range === 'application/json+fhir' ? FHIR_JSON : range, q: Number.isFinite(weight) ? weight : 0 };
  });
  const quality = (offer: Offer) => {
    const [type] = offer.split('/');
    const specificity = (range: string) => (range === offer ? 3 : range === `${type}/*` ? 2 : range === '*/*' ? 1 : 0);
    const best = ranges.filter((r) => specificity(r.range) > 0).sort((a, b) => specificity(b.range) - specificity(a.range))[0];
    return best?.q ?? 0;
  };
  const fhir = quality(FHIR_JSON);
  const json = quality(PLAIN_JSON);
  if (fhir <= 0 && json <= 0) return undefined;
  return json > fhir ? PLAIN_JSON : FHIR_JSON;
}

const notAcceptable = () =>
  new ProblemError(406, 'not-acceptable', 'Not acceptable', `This resource is available as ${FHIR_JSON} or ${PLAIN_JSON}; the Accept header allows neither.`);

export const fhirRoutes: FastifyPluginAsyncZod<{ fhir: FhirService }> = async (app, { fhir }) => {
  app.get(
    '/v1/plans/:id/fhir',
    {
      config: { scope: 'read', audit: { resource: 'plan' } },
      schema: {
        operationId: 'getPlanFhirBundle',
        tags: ['sync'],
        summary: 'The plan as a FHIR R4 Bundle (collection): Patient, CarePlan, Conditions, Goals, Observations, Procedures',
        description:
          `Answers ${FHIR_JSON} (also for no Accept header or */*), or ${PLAIN_JSON} when the client prefers it; 406 for anything else. ` +
          'Resource ids are stable: repeated exports of unchanged data are byte-identical.',
        params: IdParams,
        response: {
          200: {
            description: 'A FHIR R4 Bundle of type collection',
            content: { [FHIR_JSON]: { schema: FhirBundleSchema }, [PLAIN_JSON]: { schema: FhirBundleSchema } },
          },
          ...problemResponses(400, 401, 403, 404, 406),
        },
      },
    },
    async (request, reply) => {
      const mediaType = negotiateFhirMediaType(request.headers.accept);
      if (!mediaType) throw notAcceptable();
      const bundle = await fhir.planBundle(contextOf(request), request.params.id);
      return reply.type(mediaType).send(bundle);
    },
  );
};
