import type { Response } from 'supertest';
import type { TestApp, TestClinic } from './test-app';

export interface FeedChange {
  type: string;
  id: string;
  version: number;
  op: 'upsert' | 'delete';
  changedAt: string;
}

/** A sync client's view of GET /v1/changes for one clinic. */
export function feedClient(t: TestApp, clinic: TestClinic) {
  const auth = { Authorization: `Bearer ${clinic.adminKey}` };

  /** Follows the feed from `cursor` until caught up (nextCursor null). */
  async function drain(cursor?: string, limit = 50): Promise<{ changes: FeedChange[]; syncCursor: string }> {
    const changes: FeedChange[] = [];
    for (;;) {
      const res: Response = await t
        .http()
        .get('/v1/changes')
        .query({ limit, ...(cursor ? { cursor } : {}) })
        .set(auth);
      if (res.status !== 200) throw new Error(`GET /v1/changes answered ${res.status}: ${JSON.stringify(res.body)}`);
      changes.push(...res.body.data);
      if (res.body.nextCursor !== null && res.body.nextCursor !== res.body.syncCursor) throw new Error('nextCursor differs from syncCursor');
      cursor = res.body.syncCursor as string;
      if (res.body.nextCursor === null) return { changes, syncCursor: cursor };
    }
  }

  /**
   * Polls until `done` holds for everything delivered since `cursor`. On a server a change
   * becomes visible once every older transaction in the cluster has ended, so another test
   * file's open transaction can delay it a moment; on PGlite it is visible at once.
   */
  async function pollUntil(
    cursor: string | undefined,
    done: (all: FeedChange[]) => boolean,
    limit = 50,
  ): Promise<{ changes: FeedChange[]; syncCursor: string }> {
    const all: FeedChange[] = [];
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { changes, syncCursor } = await drain(cursor, limit);
      all.push(...changes);
      cursor = syncCursor;
      if (done(all) || Date.now() > deadline) return { changes: all, syncCursor };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return { drain, pollUntil };
}
