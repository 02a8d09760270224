// Migration 0007 turns sessions.adverse_events from text[] into jsonb. Sessions stored before it
// must read exactly as they did: each text stays a text element (read as moderate, SPEC §9).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../src/db/database';
import { openTestDatabase } from '../support/test-database';

const MIGRATION = path.join(__dirname, '../../migrations/0007_plan_episodes_and_adverse_severity.sql');

describe('migration 0007: adverse events from text[] to jsonb', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase({ poolSize: 1 });
  });
  afterAll(() => database?.close());

  it('keeps stored text events as text elements, in order, and empty lists empty', async () => {
    const statement = fs
      .readFileSync(MIGRATION, 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.replace(/^--.*$/gm, '').trim())
      .find((s) => s.includes('"adverse_events"'));
    expect(statement).toMatch(/USING to_jsonb\("adverse_events"\)/);
    const table = `sessions_before_0007_${Date.now()}`;
    const rows = await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`create temporary table "${table}" (id int primary key, adverse_events text[] not null) on commit drop`));
      await tx.execute(sql.raw(`insert into "${table}" values (1, array['bruising, "deep"', 'dizzy after treatment']), (2, '{}')`));
      await tx.execute(sql.raw(statement!.replace('"sessions"', `"${table}"`)));
      return queryRows<{ id: number; adverse_events: unknown; kind: string }>(
        tx,
        sql.raw(`select id, adverse_events, jsonb_typeof(adverse_events) as kind from "${table}" order by id`),
      );
    });
    expect(rows).toEqual([
      { id: 1, adverse_events: ['bruising, "deep"', 'dizzy after treatment'], kind: 'array' },
      { id: 2, adverse_events: [], kind: 'array' },
    ]);
  });
});
