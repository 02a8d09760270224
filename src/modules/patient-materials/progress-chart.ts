// The progress chart of a plan as SVG (SPEC §10): one panel per goal with the session values over
// time (points and a line), the baseline, the target line and the MCID band. Pure: data in, text out.
// Readable in black and white (each line has its own dash pattern, the band is hatched) and at
// phone width (a viewBox scaled to 100 % width). Self-contained: no script, no external reference,
// every text escaped by the `svg` template.
import { svg, type Markup } from '../../lib/markup';

export interface ChartGoal {
  /** What is measured, in plain words ("Pain", "Low back: bending forward"). */
  title: string;
  unit: string;
  lowerIsBetter: boolean;
  baseline: number | null;
  target: number | null;
  mcid: number;
  /** The measure's scale, so that the axis never runs past it. */
  scale: { min: number; max: number };
  /** Session values in time order. */
  points: { date: string; value: number }[];
}

export interface ChartInput {
  title: string;
  goals: ChartGoal[];
}

const WIDTH = 640;
const PANEL = 250;
const HEADER = 34;
const LEFT = 64;
const RIGHT = 20;
const PLOT_TOP = 64;
const PLOT_HEIGHT = 130;

const fmt = (n: number) => String(Math.round(n * 100) / 100);
const px = (n: number) => String(Math.round(n * 10) / 10);

/** Round tick steps (1, 2, 2.5, 5 × 10^k) giving about `count` intervals over the span. */
function ticks(lo: number, hi: number, count = 4): number[] {
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power) as number;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step / 1e6; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

function domainOf(goal: ChartGoal): [number, number] {
  const values = [...goal.points.map((p) => p.value)];
  if (goal.baseline !== null) values.push(goal.baseline - goal.mcid, goal.baseline + goal.mcid);
  if (goal.target !== null) values.push(goal.target);
  if (values.length === 0) return [goal.scale.min, goal.scale.max];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.1, 1);
  lo = Math.max(goal.scale.min, lo - pad);
  hi = Math.min(goal.scale.max, hi + pad);
  if (hi <= lo) [lo, hi] = [Math.max(goal.scale.min, lo - 1), Math.min(goal.scale.max, hi + 1)];
  return [lo, hi];
}

/** Dates to label under the axis: all when few, else first, last and evenly spaced ones between. */
function labelledDates(dates: string[]): string[] {
  const unique = [...new Set(dates)];
  if (unique.length <= 5) return unique;
  const step = (unique.length - 1) / 4;
  return [0, 1, 2, 3, 4].map((i) => unique[Math.round(i * step)] as string);
}

function describe(goal: ChartGoal): string {
  const parts = [`${goal.title} (${goal.unit}, ${goal.lowerIsBetter ? 'lower is better' : 'higher is better'})`];
  if (goal.baseline !== null) parts.push(`baseline ${fmt(goal.baseline)}`);
  if (goal.target !== null) parts.push(`target ${fmt(goal.target)}`);
  parts.push(`clinically important change ${fmt(goal.mcid)}`);
  const last = goal.points.at(-1);
  parts.push(
    last
      ? `${goal.points.length} session value${goal.points.length === 1 ? '' : 's'}: ${goal.points.map((p) => `${fmt(p.value)} on ${p.date}`).join(', ')}`
      : 'not measured at a session yet',
  );
  return `${parts.join('; ')}.`;
}

function panel(goal: ChartGoal, index: number): Markup {
  const top = index * PANEL;
  const [lo, hi] = domainOf(goal);
  const plotTop = top + PLOT_TOP;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const x0 = LEFT;
  const x1 = WIDTH - RIGHT;
  const y = (v: number) => plotBottom - ((v - lo) / (hi - lo)) * PLOT_HEIGHT;
  const times = goal.points.map((p) => Date.parse(`${p.date}T00:00:00Z`));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const x = (date: string) => {
    if (times.length === 0 || t1 === t0) return (x0 + x1) / 2;
    // Inset by half a date label, so that the first and last labels stay inside the chart.
    return x0 + 36 + ((Date.parse(`${date}T00:00:00Z`) - t0) / (t1 - t0)) * (x1 - x0 - 72);
  };
  const clip = (v: number) => Math.min(hi, Math.max(lo, v));
  const band =
    goal.baseline !== null
      ? svg`<rect x="${px(x0)}" y="${px(y(clip(goal.baseline + goal.mcid)))}" width="${px(x1 - x0)}" height="${px(y(clip(goal.baseline - goal.mcid)) - y(clip(goal.baseline + goal.mcid)))}" fill="url(#mcid-hatch)" stroke="#888" stroke-width="0.5"/>`
      : null;
  const line = (value: number | null, dash: string, width: number) =>
    value !== null && value >= lo && value <= hi
      ? svg`<line x1="${px(x0)}" x2="${px(x1)}" y1="${px(y(value))}" y2="${px(y(value))}" stroke="#000" stroke-width="${width}" stroke-dasharray="${dash}"/>`
      : null;
  const path = goal.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(x(p.date))} ${px(y(p.value))}`).join(' ');
  const legendY = top + HEADER + 14;
  const legend = [
    svg`<g transform="translate(${px(x0)} ${px(legendY)})"><line x1="0" x2="24" y1="-4" y2="-4" stroke="#000" stroke-width="2"/><circle cx="12" cy="-4" r="3.5" fill="#000"/><text x="30" y="0">Sessions</text></g>`,
    goal.baseline !== null
      ? svg`<g transform="translate(${px(x0 + 110)} ${px(legendY)})"><line x1="0" x2="24" y1="-4" y2="-4" stroke="#000" stroke-width="1.5" stroke-dasharray="6 4"/><text x="30" y="0">Baseline ${fmt(goal.baseline)}</text></g>`
      : null,
    goal.target !== null
      ? svg`<g transform="translate(${px(x0 + 240)} ${px(legendY)})"><line x1="0" x2="24" y1="-4" y2="-4" stroke="#000" stroke-width="2.5" stroke-dasharray="10 3 2 3"/><text x="30" y="0">Target ${fmt(goal.target)}</text></g>`
      : null,
    goal.baseline !== null
      ? svg`<g transform="translate(${px(x0 + 360)} ${px(legendY)})"><rect x="0" y="-10" width="24" height="12" fill="url(#mcid-hatch)" stroke="#888" stroke-width="0.5"/><text x="30" y="0">Within MCID (±${fmt(goal.mcid)})</text></g>`
      : null,
  ];
  const yTicks = ticks(lo, hi).map(
    (v) =>
      svg`<line x1="${px(x0 - 4)}" x2="${px(x0)}" y1="${px(y(v))}" y2="${px(y(v))}" stroke="#000"/><line x1="${px(x0)}" x2="${px(x1)}" y1="${px(y(v))}" y2="${px(y(v))}" stroke="#ddd" stroke-width="0.5"/><text x="${px(x0 - 7)}" y="${px(y(v) + 4)}" text-anchor="end">${fmt(v)}</text>`,
  );
  const xLabels = labelledDates(goal.points.map((p) => p.date)).map(
    (date) =>
      svg`<line x1="${px(x(date))}" x2="${px(x(date))}" y1="${px(plotBottom)}" y2="${px(plotBottom + 4)}" stroke="#000"/><text x="${px(x(date))}" y="${px(plotBottom + 17)}" text-anchor="middle">${date}</text>`,
  );
  const markers = goal.points.map(
    (p) =>
      svg`<circle cx="${px(x(p.date))}" cy="${px(y(p.value))}" r="4" fill="#000" stroke="#fff" stroke-width="1"><title>${fmt(p.value)} ${goal.unit} on ${p.date}</title></circle>`,
  );
  const direction = goal.lowerIsBetter ? 'lower is better' : 'higher is better';
  return svg`<g class="goal" role="group" aria-labelledby="goal-${index}-title">
<title id="goal-${index}-title">${describe(goal)}</title>
<text x="${px(x0 - 50)}" y="${px(top + HEADER)}" font-size="15" font-weight="bold">${goal.title}</text>
<text x="${px(x1)}" y="${px(top + HEADER)}" text-anchor="end" font-size="11">${goal.unit}, ${direction}</text>
${legend}
${band}
${line(goal.baseline, '6 4', 1.5)}
${line(goal.target, '10 3 2 3', 2.5)}
${yTicks}
<line x1="${px(x0)}" x2="${px(x0)}" y1="${px(plotTop)}" y2="${px(plotBottom)}" stroke="#000"/>
<line x1="${px(x0)}" x2="${px(x1)}" y1="${px(plotBottom)}" y2="${px(plotBottom)}" stroke="#000"/>
<text transform="translate(${px(x0 - 44)} ${px((plotTop + plotBottom) / 2)}) rotate(-90)" text-anchor="middle">${goal.unit}</text>
${xLabels}
<text x="${px((x0 + x1) / 2)}" y="${px(plotBottom + 34)}" text-anchor="middle">Session date</text>
${goal.points.length > 0 ? svg`<path d="${path}" fill="none" stroke="#000" stroke-width="2"/>${markers}` : svg`<text x="${px((x0 + x1) / 2)}" y="${px((plotTop + plotBottom) / 2)}" text-anchor="middle" font-style="italic">Not measured at a session yet</text>`}
</g>`;
}

/** The chart as a standalone SVG document. */
export function progressChartSvg(input: ChartInput): string {
  const height = Math.max(1, input.goals.length) * PANEL;
  const desc = input.goals.length > 0 ? input.goals.map(describe).join(' ') : 'The plan has no measurable goal.';
  const body =
    input.goals.length > 0
      ? input.goals.map(panel)
      : svg`<text x="${WIDTH / 2}" y="${PANEL / 2}" text-anchor="middle" font-size="14">No measurable goal in this plan.</text>`;
  return svg`<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMidYMin meet" role="img" aria-labelledby="chart-title chart-desc" font-family="Helvetica, Arial, sans-serif" font-size="12">
<title id="chart-title">${input.title}</title>
<desc id="chart-desc">${desc}</desc>
<defs><pattern id="mcid-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" stroke-width="1.5"/></pattern></defs>
<rect width="${WIDTH}" height="${height}" fill="#fff"/>
${body}
</svg>
`.toString();
}
