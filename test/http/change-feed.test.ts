import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database';
import { feedClient, type FeedChange } from '../support/change-feed';
import { describeOnServer, openRawConnection } from '../support/raw-sql';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

describe('the change feed: GET /v1/changes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const auth = (c: TestClinic) => ({ Authorization: `Bearer ${c.adminKey}` });
  const feed = (c: TestClinic, query: Record<string, string | number> = {}) => t.http().get('/v1/changes').query(query).set(auth(c));
  const create = async (c: TestClinic, body: object = {}) => (await t.http().post('/v1/patients').set(auth(c)).send(body)).body;
  const atLeast = (n: number) => (all: FeedChange[]) => all.length >= n;

  it('records creates, updates and deletes in order, deletes as tombstones', async () => {
    const c = await t.createClinic();
    const patient = await create(c, { firstName: 'Ada' });
    await t.http().patch(`/v1/patients/${patient.id}`).set(auth(c)).set('If-Match', 'W/"1"').send({ lastName: 'Byron' });
    await t.http().delete(`/v1/patients/${patient.id}`).set(auth(c)).set('If-Match', 'W/"2"');

    const { changes } = await feedClient(t, c).pollUntil(undefined, atLeast(3));
    expect(changes).toEqual([
      { type: 'patient', id: patient.id, version: 1, op: 'upsert', changedAt: patient.createdAt },
      { type: 'patient', id: patient.id, version: 2, op: 'upsert', changedAt: expect.any(String) },
      { type: 'patient', id: patient.id, version: 3, op: 'delete', changedAt: expect.any(String) },
    ]);
    const res = await feed(c);
    expect(res.body).toEqual({ data: changes, nextCursor: null, syncCursor: expect.any(String) });
  });

  it('pages with nextCursor, and polling from syncCursor yields only newer changes', async () => {
    const c = await t.createClinic();
    const client = feedClient(t, c);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create(c, { externalId: `F-${i}` })).id);
    await client.pollUntil(undefined, atLeast(5));

    const first = await feed(c, { limit: 2 });
    expect(first.body.data).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const { changes, syncCursor } = await client.drain(undefined, 2);
    expect(changes.map((ch) => ch.id)).toEqual(ids);

    // Caught up: an empty page that keeps the position.
    const idle = await feed(c, { cursor: syncCursor });
    expect(idle.body).toEqual({ data: [], nextCursor: null, syncCursor: expect.any(String) });

    const later = await create(c, { externalId: 'F-later' });
    const poll = await client.pollUntil(idle.body.syncCursor, atLeast(1));
    expect(poll.changes).toEqual([expect.objectContaining({ id: later.id, version: 1, op: 'upsert' })]);
  });

  it('orders by transaction id as a number, not as text (9 before 10 before 100)', async () => {
    const c = await t.createClinic();
    const ids = ['0193a5c2-7d1e-7b3a-9c4f-000000000001', '0193a5c2-7d1e-7b3a-9c4f-000000000002', '0193a5c2-7d1e-7b3a-9c4f-000000000003'];
    for (const [txid, id] of [
      ['10', ids[1]],
      ['100', ids[2]],
      ['9', ids[0]],
    ] as const) {
      await t.database.db.execute(
        sql`insert into changes (clinic_id, txid, resource_type, resource_id, version, op, changed_at)
            values (${c.clinicId}, ${txid}::xid8, 'patient', ${id}, 1, 'upsert', now())`,
      );
    }
    const { changes } = await feedClient(t, c).drain(undefined, 1);
    expect(changes.map((ch) => ch.id)).toEqual(ids);
  });

  it('shows a clinic only its own changes', async () => {
    const [mine, theirs] = [await t.createClinic('Mine'), await t.createClinic('Theirs')];
    const p = await create(mine);
    const q = await create(theirs);
    await feedClient(t, theirs).pollUntil(undefined, atLeast(1));
    const { changes } = await feedClient(t, mine).pollUntil(undefined, atLeast(1));
    expect(changes.map((ch) => ch.id)).toEqual([p.id]);
    expect(changes.map((ch) => ch.id)).not.toContain(q.id);
  });

  it('answers 410 with a resync instruction for a cursor it did not issue or one of another clinic', async () => {
    const [c, other] = [await t.createClinic(), await t.createClinic()];
    await create(other);
    const foreign = (await feed(other)).body.syncCursor;
    for (const cursor of ['bm9wZQ', Buffer.from('["f1","x","1",1]').toString('base64url'), foreign]) {
      const res = await feed(c, { cursor });
      expect([cursor, res.status]).toEqual([cursor, 410]);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 410, type: expect.stringMatching(/cursor-gone$/), detail: expect.stringMatching(/[Rr]esynchronise/) });
    }
  });

  it('validates its paging parameters (400) and needs a key with read scope', async () => {
    const c = await t.createClinic();
    for (const q of [{ limit: 500 }, { limit: 0 }, { since: 'yesterday' }] as Record<string, string | number>[]) expect((await feed(c, q)).status).toBe(400);
    expect((await t.http().get('/v1/changes')).status).toBe(401);
    const reader = await c.keyWith('read');
    expect((await t.http().get('/v1/changes').set('Authorization', `Bearer ${reader}`)).status).toBe(200);
  });

  describeOnServer('with concurrent transactions', () => {
    it('does not skip a slow transaction that commits after a faster, younger one', async () => {
      const c = await t.createClinic();
      const client = feedClient(t, c);
      const raw = await openRawConnection();
      try {
        // Transaction A writes first, so it holds the older transaction id, but commits last.
        await raw.query('begin');
        const slow = await raw.query<{ id: string }>(`insert into patients (clinic_id, id, first_name) values ($1, gen_random_uuid(), 'Slow') returning id`, [
          c.clinicId,
        ]);
        const slowId = slow.rows[0]!.id;
        // Transaction B (a request) commits while A is still open.
        const fast = await create(c, { firstName: 'Fast' });

        const during = await feed(c);
        expect(during.status).toBe(200);
        // B is held back while A runs: handing it out now would put the cursor past A.
        expect(during.body.data).toEqual([]);

        await raw.query('commit');
        const after = await client.pollUntil(during.body.syncCursor, atLeast(2));
        expect(after.changes.map((ch) => ch.id)).toEqual([slowId, fast.id]);
      } finally {
        await raw.end();
      }
    });

    it('a client syncing while writers create, change and delete patients ends with the server’s state, no change missed or repeated', async () => {
      const c = await t.createClinic();
      const client = feedClient(t, c);
      const known: { id: string; version: number }[] = [];
      let writing = true;

      async function writer(n: number) {
        for (let i = 0; i < 30; i++) {
          const roll = (n * 31 + i * 17) % 10;
          const target = known.length > 0 ? known[(n * 7 + i * 13) % known.length]! : undefined;
          if (!target || roll < 4) {
            const res = await t
              .http()
              .post('/v1/patients')
              .set(auth(c))
              .send({ firstName: `W${n}-${i}` });
            if (res.status === 201) known.push({ id: res.body.id, version: res.body.version });
          } else if (roll < 8) {
            const res = await t
              .http()
              .patch(`/v1/patients/${target.id}`)
              .set(auth(c))
              .set('If-Match', `W/"${target.version}"`)
              .send({ lastName: `L${n}-${i}` });
            if (res.status === 200) target.version = res.body.version;
          } else {
            const res = await t.http().delete(`/v1/patients/${target.id}`).set(auth(c)).set('If-Match', `W/"${target.version}"`);
            if (res.status === 204) target.version += 1;
          }
        }
      }

      // The client's copy: the highest version seen of each patient, and whether it is a tombstone.
      const copy = new Map<string, { version: number; deleted: boolean }>();
      const delivered: string[] = [];
      const apply = (changes: FeedChange[]) => {
        for (const ch of changes) {
          delivered.push(`${ch.id}@${ch.version}`);
          const held = copy.get(ch.id);
          if (!held || ch.version > held.version) copy.set(ch.id, { version: ch.version, deleted: ch.op === 'delete' });
        }
      };

      let cursor: string | undefined;
      const reader = (async () => {
        while (writing) {
          const { changes, syncCursor } = await client.drain(cursor, 7);
          apply(changes);
          cursor = syncCursor;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
      await Promise.all([0, 1, 2, 3, 4].map(writer));
      writing = false;
      await reader;

      const server = await queryRows<{ id: string; version: number; deleted: boolean }>(
        t.database.db,
        sql`select id, version, deleted_at is not null as deleted from patients where clinic_id = ${c.clinicId} order by id`,
      );
      const matches = () => server.every((p) => copy.get(p.id)?.version === p.version && copy.get(p.id)?.deleted === p.deleted);
      await client.pollUntil(cursor, (all) => (apply(all.splice(0)), matches()), 7);

      expect(server.length).toBeGreaterThan(20);
      expect([...copy.keys()].sort()).toEqual(server.map((p) => p.id));
      for (const p of server) expect([p.id, copy.get(p.id)]).toEqual([p.id, { version: p.version, deleted: p.deleted }]);
      // Every version of every patient arrived, and exactly once.
      expect(new Set(delivered).size).toBe(delivered.length);
      const expected = server.flatMap((p) => Array.from({ length: p.version }, (_, v) => `${p.id}@${v + 1}`));
      expect([...delivered].sort()).toEqual(expected.sort());
    });
  });
});
