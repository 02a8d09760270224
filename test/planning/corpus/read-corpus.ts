// Reads a corpus folder of JSON files ([{ id, why, … }]) as test table rows named "file id: why", in file order.
import fs from 'node:fs';
import path from 'node:path';

export function readCorpus<C extends { id: string; why: string }>(folder: string): [string, C][] {
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((file) =>
      (JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as C[]).map((c): [string, C] => [`${file.replace(/\.json$/, '')} ${c.id}: ${c.why}`, c]),
    );
}
