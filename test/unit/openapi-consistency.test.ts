import { withConsistencyTokens } from '../../src/http/openapi-consistency';

// X-Consistency-Token is set by hooks, not route schemas: the document transform declares it.
describe('X-Consistency-Token in the OpenAPI document', () => {
  const ok = () => ({ responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } });
  const document = () =>
    withConsistencyTokens({ paths: { '/v1/patients': { get: ok(), post: ok() }, '/v1/changes': { get: ok() } } }, new Set(['/v1/changes'])) as unknown as {
      paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: Record<string, { headers?: object }> }>>;
    };

  it('is an optional request header of the reads that may go to the replica', () => {
    const { paths } = document();
    expect(paths['/v1/patients']!.get!.parameters).toEqual([expect.objectContaining({ name: 'x-consistency-token', in: 'header', required: false })]);
    expect(paths['/v1/changes']!.get!.parameters).toBeUndefined();
  });

  it('is a response header of a write’s successes', () => {
    const { paths } = document();
    expect(paths['/v1/patients']!.post!.responses['200']!.headers).toEqual({ 'X-Consistency-Token': { $ref: '#/components/headers/X-Consistency-Token' } });
    expect(paths['/v1/patients']!.post!.responses['400']!.headers).toBeUndefined();
    expect(paths['/v1/patients']!.get!.responses['200']!.headers).toBeUndefined();
  });
});
