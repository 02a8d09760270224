import { createClient, type Fetch } from '../../clients/typescript/src';

// What the client sends, against a fake server that answers every write with a new token.
describe('the typed client with readYourWrites', () => {
  function recording(readYourWrites: boolean) {
    const sent: { method: string; token: string | null }[] = [];
    let written = 0;
    const fetch: Fetch = (request) => {
      sent.push({ method: request.method, token: request.headers.get('x-consistency-token') });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (request.method !== 'GET') headers['x-consistency-token'] = `token-${++written}`;
      return Promise.resolve(new Response('{}', { status: request.method === 'POST' ? 201 : 200, headers }));
    };
    return { sent, client: createClient({ baseUrl: 'http://manuplan.test', apiKey: 'mpk_test', fetch, readYourWrites }) };
  }

  it('sends the latest write’s X-Consistency-Token with later reads', async () => {
    const { sent, client } = recording(true);
    await client.GET('/v1/patients');
    await client.POST('/v1/patients', { body: { firstName: 'Ada' } });
    await client.GET('/v1/patients');
    await client.POST('/v1/patients', { body: { firstName: 'Grace' } });
    await client.GET('/v1/patients');
    expect(sent).toEqual([
      { method: 'GET', token: null },
      { method: 'POST', token: null },
      { method: 'GET', token: 'token-1' },
      { method: 'POST', token: null },
      { method: 'GET', token: 'token-2' },
    ]);
  });

  it('sends no token unless asked to', async () => {
    const { sent, client } = recording(false);
    await client.POST('/v1/patients', { body: { firstName: 'Ada' } });
    await client.GET('/v1/patients');
    expect(sent.map((s) => s.token)).toEqual([null, null]);
  });
});
