import pino from 'pino';
import type { Database } from '../../src/db/database';
import { createReplicaMonitor } from '../../src/db/replica-monitor';

// The monitor's probes on a fake clock: the primary moves on one WAL position per probe while
// the replica replays only as far as it is told.
describe('the replica monitor', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function watch(replayedTo: () => number) {
    let primary = 0;
    const replica = {
      db: { execute: () => Promise.resolve({ rows: [{ position: `0/${replayedTo().toString(16)}` }] }) },
      close: () => Promise.resolve(),
    } as unknown as Database;
    return createReplicaMonitor({
      replica,
      primaryPosition: () => Promise.resolve(`0/${(++primary).toString(16)}`),
      maxLagMs: 10_000,
      probeMs: 1000,
      logger: pino({ level: 'silent' }),
    });
  }

  it('measures the lag of a replica within reach of the probes', async () => {
    const monitor = watch(() => 1);
    await jest.advanceTimersByTimeAsync(5000);
    expect(monitor.status()).toEqual({ status: 'up', lagMs: 5000, servingReads: true });
    await monitor.close();
  });

  it('calls the lag of a replica further behind than the probes remember unknown, not their age', async () => {
    const monitor = watch(() => 1);
    await jest.advanceTimersByTimeAsync(60 * 60 * 1000);
    expect(monitor.status()).toEqual({ status: 'lagging', lagMs: null, servingReads: false });
    await monitor.close();
  });
});
