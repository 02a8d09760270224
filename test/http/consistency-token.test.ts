import { decodeConsistencyToken } from '../../src/db/wal-position';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

// SPEC §7: "a response to a write carries X-Consistency-Token" — on every deployment, not only one
// with a read replica (scale-out.test.ts covers the replica), so a client need not know which it talks to.
describe('X-Consistency-Token without a read replica', () => {
  let t: TestApp;
  let clinic: TestClinic;
  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic();
  });
  afterAll(() => t?.close());
  const auth = () => ({ Authorization: `Bearer ${clinic.adminKey}` });

  it('answers every successful write with a token that moves forward, and a read accepts it back', async () => {
    const created = await t.http().post('/v1/patients').set(auth()).send({ firstName: 'Token' });
    expect(created.status).toBe(201);
    const first = decodeConsistencyToken(created.headers['x-consistency-token'] as string);
    expect(first).toEqual(expect.any(BigInt));

    const changed = await t
      .http()
      .patch(`/v1/patients/${created.body.id}`)
      .set(auth())
      .set('If-Match', created.headers.etag as string)
      .send({ lastName: 'Later' });
    expect(changed.status).toBe(200);
    const second = decodeConsistencyToken(changed.headers['x-consistency-token'] as string);
    expect(second! > first!).toBe(true);

    const read = await t
      .http()
      .get(`/v1/patients/${created.body.id}`)
      .set(auth())
      .set('X-Consistency-Token', changed.headers['x-consistency-token'] as string);
    expect(read.status).toBe(200);
    expect(read.body.lastName).toBe('Later');
    expect(read.headers['x-consistency-token']).toBeUndefined();
  });

  it('sends none with a failed write, and ignores the header on reads (every read is that fresh)', async () => {
    const failed = await t.http().post('/v1/patients').set(auth()).send({ firstName: 7 });
    expect(failed.status).toBe(400);
    expect(failed.headers['x-consistency-token']).toBeUndefined();
    const read = await t.http().get('/v1/patients').set(auth()).set('X-Consistency-Token', 'not a token');
    expect(read.status).toBe(200);
  });
});
