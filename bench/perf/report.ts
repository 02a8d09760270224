// The benchmark's verdicts: printed as a table and written to bench/results.md.
import type { Measured } from './load';

export interface Verdict {
  scenario: string;
  measured: string;
  floor: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - text.length));

/** A fixed-width table for the terminal. */
export function table(verdicts: Verdict[]): string {
  const header: Verdict = { scenario: 'scenario', measured: 'measured', floor: 'floor (same run)', ratio: 'ratio', target: 'target', met: null };
  const cells = (v: Verdict) => [v.scenario, v.measured, v.floor, v.ratio, v.target, v === header ? 'status' : status(v.met)];
  const rows = [header, ...verdicts].map(cells);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = widths.map((w) => '-'.repeat(w)).join('-+-');
  return [rows[0]!.map((c, i) => pad(c, widths[i]!)).join(' | '), line, ...rows.slice(1).map((r) => r.map((c, i) => pad(c, widths[i]!)).join(' | '))].join(
    '\n',
  );
}

export function markdownTable(verdicts: Verdict[]): string {
  return [
    '| scenario | measured | floor (same run) | ratio | target | status |',
    '|---|---|---|---|---|---|',
    ...verdicts.map((v) => `| ${v.scenario} | ${v.measured} | ${v.floor} | ${v.ratio} | ${v.target} | ${status(v.met)} |`),
  ].join('\n');
}

const status = (met: boolean | null) => (met === null ? 'reported' : met ? 'met' : 'NOT MET');

export const rate = (m: Measured, unit = 'req/s') => `${Math.round(m.rate).toLocaleString('en-US')} ${unit}`;
export const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1)) + ' ms';
export const rateAndP99 = (m: Measured, unit = 'req/s') => `${rate(m, unit)}, p99 ${ms(m.p99Ms)}`;
