// The top folders and top-level files of src/ form layers: their imports must never make a cycle.
// This reads the imports themselves (lint reads them file by file; this sees the whole graph).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { LAYERS } from '../../eslint.config.mjs';

const SRC = path.resolve(__dirname, '../../src');

type Graph = Map<string, Set<string>>;

/** `http` for src/http/…, `config` for src/config.ts. */
const unitOf = (file: string): string => path.relative(SRC, file).split(path.sep)[0]!.replace(/\.ts$/, '');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** Unit → the other units it imports (static, type-only, re-exports and dynamic `import()` alike). */
function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(SRC)) {
    const from = unitOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), fileName);
      if (!target.startsWith(SRC + path.sep)) continue;
      const to = unitOf(target);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the path that closes it (`a → b → a`). */
function cycles(graph: Graph): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const walk = (unit: string, trail: string[]) => {
    const at = trail.indexOf(unit);
    if (at >= 0) {
      found.push([...trail.slice(at), unit].join(' → '));
      return;
    }
    if (done.has(unit)) return;
    for (const next of graph.get(unit) ?? []) walk(next, [...trail, unit]);
    done.add(unit);
  };
  for (const unit of graph.keys()) walk(unit, []);
  return found;
}

const layersGraph = (): Graph => new Map(Object.entries(LAYERS).map(([unit, allowed]) => [unit, new Set(allowed)]));

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('has no cycle between its top folders and top-level files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('gives every top folder and top-level file a layer in the lint configuration', () => {
    expect([...graph.keys()].sort()).toEqual(Object.keys(LAYERS).sort());
  });

  it('allows no cycle in the layers the lint configuration declares either', () => {
    expect(cycles(layersGraph())).toEqual([]);
  });

  it('would see a cycle if one import pointed back up', () => {
    // The engine importing a contract again, as it once did.
    const withDebt: Graph = new Map([...graph].map(([unit, edges]) => [unit, new Set(edges)]));
    withDebt.get('planning')!.add('contracts');
    expect(cycles(withDebt)).toEqual([expect.stringMatching(/^(planning → contracts → planning|contracts → planning → contracts)$/)]);
  });
});
