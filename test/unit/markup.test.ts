// The tagged templates escape every value unless it is markup they made themselves.
import { escapeMarkup, html, Markup, svg } from '../../src/lib/markup';
import { progressChartSvg, type ChartGoal } from '../../src/modules/patient-materials/progress-chart';
import { markupProblems } from '../support/markup-check';

describe('html/svg tagged templates', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    [`"quoted" & 'single'`, '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['a\u0000b\u0007c\td\ne', 'abc\td\ne'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 😀 stays', 'emoji 😀 stays'],
  ])('escapes %j as text', (input, expected) => {
    expect(escapeMarkup(input)).toBe(expected);
    expect(html`<p title="${input}">${input}</p>`.toString()).toBe(`<p title="${expected}">${expected}</p>`);
  });

  it('nests markup, joins arrays, drops null/undefined/false, writes numbers', () => {
    const items = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${3.5}`.toString()).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>3.5');
    expect(svg`<text>${new Markup('<tspan/>')}</text>`.toString()).toBe('<text><tspan/></text>');
    expect(() => html`${Number.NaN}`).toThrow(/non-finite/);
  });
});

describe('progressChartSvg', () => {
  const goal = (overrides: Partial<ChartGoal> = {}): ChartGoal => ({
    title: 'Pain',
    unit: 'points',
    lowerIsBetter: true,
    baseline: 7,
    target: 3,
    mcid: 2,
    scale: { min: 0, max: 10 },
    points: [
      { date: '2026-01-05', value: 6 },
      { date: '2026-01-12', value: 4 },
    ],
    ...overrides,
  });

  it.each<[string, ChartGoal[], RegExp[]]>([
    ['two points', [goal()], [/<path d="M[\d.]+ [\d.]+ L[\d.]+ [\d.]+"/, /Baseline 7/, /Target 3/, /Within MCID \(±2\)/]],
    ['one point (centred, no line segment)', [goal({ points: [{ date: '2026-01-05', value: 5 }] })], [/<path d="M342 [\d.]+"/]],
    ['no point yet', [goal({ points: [] })], [/Not measured at a session yet/, /not measured at a session yet\./]],
    ['no baseline (no band, no baseline line)', [goal({ baseline: null, target: null })], [/^(?![\s\S]*Baseline)(?![\s\S]*<rect x="64")/]],
    ['no goal at all', [], [/No measurable goal in this plan\./, /viewBox="0 0 640 250"/]],
    ['text from outside, escaped', [goal({ title: 'Pain <script>alert(1)</script> & more' })], [/Pain &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; more/]],
    ['three goals stack three panels', [goal(), goal({ title: 'Flexion' }), goal({ title: 'ODI' })], [/viewBox="0 0 640 750"/]],
  ])('%s: well-formed, with what the reader needs', (_case, goals, expected) => {
    const chart = progressChartSvg({ title: 'Progress', goals });
    expect(markupProblems(chart, 'xml')).toEqual([]);
    expect(chart).not.toMatch(/<script|NaN|Infinity|undefined/);
    for (const pattern of expected) expect(chart).toMatch(pattern);
  });

  it('keeps the axis inside the measure’s scale and every drawn y inside its panel', () => {
    const chart = progressChartSvg({
      title: 'P',
      goals: [
        goal({
          baseline: 1,
          target: 0,
          points: [
            { date: '2026-01-05', value: 0 },
            { date: '2026-02-05', value: 10 },
          ],
        }),
      ],
    });
    const labels = [...chart.matchAll(/text-anchor="end">(-?[\d.]+)<\/text>/g)].map((m) => Number(m[1]));
    expect(Math.min(...labels)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...labels)).toBeLessThanOrEqual(10);
    const ys = [...chart.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)" r="4"/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(2);
    for (const y of ys) {
      expect(y).toBeGreaterThanOrEqual(64);
      expect(y).toBeLessThanOrEqual(194);
    }
  });
});
