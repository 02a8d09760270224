// Labelled phrase sets for the complaint reader: the clinician's set (corpus/phrases.json) and the
// reader's development set (corpus/reader-dev-phrases.json). Each phrase lists the codes it must raise
// (`expect`) and codes it must not (`absent`). The reader must find every red flag and systemic
// contraindication (catalog severity `stop`) — recall 100 % — and must not raise an `absent` red flag.
// Precision over all codes is printed with the recall figures.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONDITIONS, type ConditionCode } from '../../src/planning/catalog/catalog.conditions';
import { readComplaint } from '../../src/planning/screening/complaint.reader';

interface Phrase {
  text: string;
  expect: string[];
  absent: string[];
  class: string;
}

const isStop = (code: string) => code in CONDITIONS && CONDITIONS[code as ConditionCode].severity === 'stop';

function load(name: string): Phrase[] | null {
  const path = join(__dirname, 'corpus', name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Phrase[]) : null;
}

interface Score {
  phrases: number;
  stopExpected: number;
  stopFound: number;
  expected: number;
  found: number;
  raised: number;
  correct: number;
  missedStop: string[];
  absentStop: string[];
  missed: string[];
  extra: string[];
}

function evaluate(set: Phrase[]): Score {
  const s: Score = {
    phrases: set.length,
    stopExpected: 0,
    stopFound: 0,
    expected: 0,
    found: 0,
    raised: 0,
    correct: 0,
    missedStop: [],
    absentStop: [],
    missed: [],
    extra: [],
  };
  for (const p of set) {
    const raised = new Set(readComplaint(p.text).map((m) => m.code as string));
    raised.delete('trauma');
    for (const code of p.expect) {
      s.expected++;
      if (raised.has(code)) s.found++;
      else s.missed.push(`${code} ← ${p.text}`);
      if (isStop(code)) {
        s.stopExpected++;
        if (raised.has(code)) s.stopFound++;
        else s.missedStop.push(`${code} ← ${p.text}`);
      }
    }
    for (const code of p.absent) if (isStop(code) && raised.has(code)) s.absentStop.push(`${code} ← ${p.text}`);
    for (const code of raised) {
      s.raised++;
      if (p.expect.includes(code)) s.correct++;
      else s.extra.push(`${code} ← ${p.text}`);
    }
  }
  return s;
}

const pct = (a: number, b: number) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));

describe.each([
  ['clinician', 'phrases.json'],
  ['development', 'reader-dev-phrases.json'],
])('%s phrase set', (name, file) => {
  const set = load(file);
  const run = set ? it : it.skip;

  run('is well formed', () => {
    for (const p of set ?? []) {
      expect(typeof p.text).toBe('string');
      for (const code of [...p.expect, ...p.absent]) expect(code === 'trauma' || code in CONDITIONS).toBe(true);
    }
  });

  run('finds every red flag and systemic contraindication, raises no absent one; prints recall and precision', () => {
    const s = evaluate(set ?? []);
    console.log(
      `${name} phrase set: ${s.phrases} phrases, recall on stop codes ${pct(s.stopFound, s.stopExpected)} % (${s.stopFound}/${s.stopExpected}), ` +
        `recall overall ${pct(s.found, s.expected)} % (${s.found}/${s.expected}), precision ${pct(s.correct, s.raised)} % (${s.correct}/${s.raised})`,
    );
    if (process.env.PHRASES_VERBOSE)
      console.log(`missed:\n  ${s.missed.join('\n  ')}\nextra:\n  ${s.extra.join('\n  ')}\nabsent red flags raised:\n  ${s.absentStop.join('\n  ')}`);
    expect(s.missedStop).toEqual([]);
    expect(s.absentStop).toEqual([]);
  });
});
