// Type-level tests of the typed client, checked by `tsc --noEmit` (npm run typecheck), not run.
// Each @ts-expect-error must meet an error: if the generated types stopped catching the mistake
// below it, the directive itself would fail to compile.
import { createClient, paginate } from '../../clients/typescript/src';

const client = createClient({ baseUrl: 'http://manuplan.test', apiKey: 'mp_test' });

export async function mistakesThatDoNotCompile(planId: string): Promise<void> {
  // A path parameter under the wrong name.
  // @ts-expect-error -- /v1/plans/{id} takes `id`, not `planId`
  await client.GET('/v1/plans/{id}', { params: { path: { planId } } });

  // A path parameter left out.
  // @ts-expect-error -- the plan id is required
  await client.GET('/v1/plans/{id}', {});

  // A path that does not exist.
  // @ts-expect-error -- there is no /v1/plan/{id}
  await client.GET('/v1/plan/{id}', { params: { path: { id: planId } } });

  // A body field of the wrong type, and one the API does not know.
  // @ts-expect-error -- sex is a code, not free text
  await client.POST('/v1/patients', { body: { sex: 'f' } });
  // @ts-expect-error -- a patient has no nickname (caught even beside valid fields: openapi-ts/openapi-typescript#1769)
  await client.POST('/v1/patients', { body: { firstName: 'Ada', nickname: 'Addie' } });
  // @ts-expect-error -- a misspelt optional field of a plan edit
  await client.PATCH('/v1/plans/{id}', { params: { path: { id: planId }, header: { 'if-match': '"1"' } }, body: { note: 'typo' } });

  // A query parameter that does not exist, and paging a path that is not a list.
  // @ts-expect-error -- lists take limit and cursor, not offset
  await client.GET('/v1/patients', { params: { query: { offset: 10 } } });
  // @ts-expect-error -- a single plan is not a cursor list
  paginate(client, '/v1/plans/{id}', { params: { path: { id: planId } } });
  // @ts-expect-error -- a plan's sessions need the plan id
  paginate(client, '/v1/plans/{id}/sessions');
}

export async function whatTheTypesKnow(planId: string): Promise<void> {
  const { data } = await client.GET('/v1/plans/{id}', { params: { path: { id: planId } } });
  if (data) {
    const status: 'draft' | 'active' | 'on_hold' | 'completed' | 'discontinued' = data.status;
    void status;
  }
  for await (const patient of paginate(client, '/v1/patients', { params: { query: { limit: 10 } } })) {
    const version: number = patient.version;
    void version;
  }
}
