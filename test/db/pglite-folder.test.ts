import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../../src/db/pglite.database';

// The data folder keeps PGlite's files in pgdata/, beside the socket the server shares.
describe('the embedded database folder', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mpf-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('moves a folder from before the socket (PGlite’s files at its top) into pgdata/, data and all', async () => {
    const folder = path.join(root, 'data');
    const legacy = await PGlite.create(folder);
    await legacy.exec("create table kept (note text); insert into kept values ('from before')");
    await legacy.close();
    // A socket a dead server left at the top stays where it is.
    fs.writeFileSync(path.join(folder, '.s.PGSQL.5432'), '');

    const database = await openPglite(folder);
    try {
      expect((await database.pglite!.query('select note from kept')).rows).toEqual([{ note: 'from before' }]);
    } finally {
      await database.close();
    }
    expect(fs.readdirSync(folder).sort()).toEqual(['.s.PGSQL.5432', 'pgdata']);
    expect(fs.existsSync(path.join(folder, 'pgdata', 'PG_VERSION'))).toBe(true);
  });
});
