import pino from 'pino';
import { loadConfig } from '../../src/config';
import { listenNotice } from '../../src/db/connect';
import type { Db } from '../../src/db/database';
import { readingFrom, routeRead } from '../../src/db/read-routing';
import type { ReadReplica } from '../../src/db/replica-monitor';
import { decodeConsistencyToken, encodeConsistencyToken, parseWalPosition } from '../../src/db/wal-position';

const primary = { name: 'primary' } as unknown as Db;
const replicaDb = { name: 'replica' } as unknown as Db;

function fakeReplica(replayed: bigint, up = true) {
  const bypassed: unknown[] = [];
  const replica: ReadReplica = {
    db: replicaDb,
    serves: (min) => up && (min === undefined || replayed >= min),
    bypass: (err) => void bypassed.push(err),
    status: () => ({ status: up ? 'up' : 'down', lagMs: 0, servingReads: up }),
    close: async () => undefined,
  };
  return { replica, bypassed };
}

const scope = (replica: ReadReplica, minPosition?: bigint) => ({ primary, replica, minPosition, logger: pino({ level: 'silent' }) });
const where = (target: Db) => Promise.resolve((target as unknown as { name: string }).name);

describe('WAL positions and consistency tokens', () => {
  it('orders positions as PostgreSQL does (the part after the slash is the low 32 bits)', () => {
    expect(parseWalPosition('0/FFFFFFFF')! < parseWalPosition('1/0')!).toBe(true);
    expect(parseWalPosition('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseWalPosition('nonsense')).toBeUndefined();
  });

  it('a token stands for its position; anything else is not a token', () => {
    expect(decodeConsistencyToken(encodeConsistencyToken('16/B374D848'))).toBe(parseWalPosition('16/B374D848'));
    expect(decodeConsistencyToken('not a token')).toBeUndefined();
    expect(decodeConsistencyToken(Buffer.from('1/2/3').toString('base64url'))).toBeUndefined();
  });
});

describe('read routing', () => {
  it('outside a read scope every unit runs on the database it was given', async () => {
    expect(await routeRead(primary, where)).toBe('primary');
  });

  it('a read goes to the replica when it has replayed as far as the token, else to the primary', async () => {
    const { replica } = fakeReplica(100n);
    expect(await readingFrom(scope(replica), () => routeRead(primary, where))).toBe('replica');
    expect(await readingFrom(scope(replica, 100n), () => routeRead(primary, where))).toBe('replica');
    expect(await readingFrom(scope(replica, 101n), () => routeRead(primary, where))).toBe('primary');
    expect(await readingFrom(scope(fakeReplica(100n, false).replica), () => routeRead(primary, where))).toBe('primary');
  });

  it('a read the replica fails for being gone runs again on the primary, and the replica is bypassed', async () => {
    const { replica, bypassed } = fakeReplica(100n);
    const gone = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const answer = await readingFrom(scope(replica), () => routeRead(primary, (target) => (target === replicaDb ? Promise.reject(gone) : where(target))));
    expect(answer).toBe('primary');
    expect(bypassed).toEqual([gone]);
  });

  it('a statement time-out on the replica is the request’s error: not run again, the replica not bypassed', async () => {
    const { replica, bypassed } = fakeReplica(100n);
    const slow = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    const ran: string[] = [];
    const run = (target: Db) => (ran.push((target as unknown as { name: string }).name), Promise.reject(slow));
    await expect(readingFrom(scope(replica), () => routeRead(primary, run))).rejects.toBe(slow);
    expect(ran).toEqual(['replica']);
    expect(bypassed).toEqual([]);
  });

  it('an error of the query itself is not retried', async () => {
    const { replica, bypassed } = fakeReplica(100n);
    const wrong = Object.assign(new Error('syntax error'), { code: '42601' });
    await expect(readingFrom(scope(replica), () => routeRead(primary, () => Promise.reject(wrong)))).rejects.toBe(wrong);
    expect(bypassed).toEqual([]);
  });
});

describe('scale-out configuration', () => {
  const url = 'postgres://app@pgbouncer:6432/manuplan';
  const direct = 'postgres://app@primary:5432/manuplan';

  it('the LISTEN and read URLs need DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: direct })).toThrow(/DATABASE_READ_URL: needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_LISTEN_URL: direct })).toThrow(/DATABASE_LISTEN_URL: needs DATABASE_URL/);
  });

  it('migrations take the direct LISTEN connection when there is no owner URL (their advisory lock needs a session)', () => {
    expect(loadConfig({ DATABASE_URL: url, DATABASE_LISTEN_URL: direct }).database.migrateUrl).toBe(direct);
    expect(loadConfig({ DATABASE_URL: url }).database.migrateUrl).toBe(url);
  });

  it('says at start, without DATABASE_LISTEN_URL, that revocations may wait for the cache TTL', () => {
    expect(listenNotice(loadConfig({ DATABASE_URL: url }).database, 5000)).toMatch(
      /revocations reach other instances only after the cache TTL \(API_KEY_CACHE_TTL_MS=5000\)/,
    );
    expect(listenNotice(loadConfig({ DATABASE_URL: url, DATABASE_LISTEN_URL: direct }).database, 5000)).toBeUndefined();
    expect(listenNotice(loadConfig({}).database, 5000)).toBeUndefined();
  });
});
