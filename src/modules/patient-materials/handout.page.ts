// The patient's handout of a plan (SPEC §10): one printable page, in plain words — what we found,
// how often we will see them, each home exercise with its instructions and how often to do it, and
// when to stop and call. Self-contained (inline CSS with print rules, no script, no external asset);
// every stored text goes through the escaping `html` template, never string concatenation.
import type { PlanContent } from '../../contracts/plan.contract';
import { HANDOUT_CSP } from '../../contracts/patient-materials.contract';
import { html, Markup } from '../../lib/markup';
import { HOME_EXERCISES } from '../../planning';
import { goalWords, measureScale, measureTitle, measureUnit, regionWords, techniqueWords } from './plain-words';

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface HandoutInput {
  clinicName: string;
  patientName: string | null;
  /** The date the plan was last changed (YYYY-MM-DD). */
  issuedOn: string;
  content: PlanContent;
  paper?: PaperSize;
}

// The reactions the clinical reference says to stop for and report ("Adverse events and flares"),
// in the patient's words. They hold for every plan; the plan's own precautions follow them.
const STOP_SIGNS = [
  'pain that is much worse after a visit and not settling after two days',
  'new numbness, tingling or weakness in an arm or a leg',
  'dizziness, fainting, or feeling unwell after a visit',
  'bruising, bleeding or swelling where we worked',
  'a calf that becomes swollen, hot or red, or sudden shortness of breath (call emergency services)',
];

const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function found(content: PlanContent): Markup {
  const areas = [...new Set(content.focusAreas.map((a) => regionWords(a.region, a.side)))];
  const aims = [...new Set(content.goals.map((g) => g.type).concat(content.techniques.flatMap((t) => t.goalTypes)))].map(goalWords);
  const decision = content.screening.decision;
  const caution =
    decision === 'refer'
      ? html`<p class="notice"><strong>Please see your doctor before we begin hands-on treatment.</strong> Something in your check-up needs a doctor’s opinion first. Bring this sheet with you.</p>`
      : decision === 'postpone'
        ? html`<p class="notice"><strong>We will wait before hands-on treatment.</strong> It is safer to start once you are well again. Call us to book when you feel better.</p>`
        : decision === 'treat_with_precautions'
          ? html`<p>We will take extra care during your sessions (see “Stop and call us if…” below).</p>`
          : null;
  const measures = content.goals
    .filter((g) => g.baseline !== null && g.target !== null)
    .map((g) => {
      const better = g.direction === 'lower_is_better' ? 'or lower' : 'or more';
      return html`<li><strong>${measureTitle(g)}</strong> (${measureScale(g.measure)}): today ${g.baseline} ${measureUnit(g.measure)}; we aim for ${g.target} ${better} by week ${g.byWeek}.</li>`;
    });
  return html`<section>
<h2>What we found</h2>
${areas.length > 0 ? html`<p>Your main problem area${areas.length === 1 ? ' is' : 's are'} your ${list(areas)}.</p>` : null}
${aims.length > 0 ? html`<p>Together we aim to ${list(aims)}.</p>` : null}
${caution}
${measures.length > 0 ? html`<p>How we will track your progress:</p><ul>${measures}</ul>` : null}
</section>`;
}

function visits(content: PlanContent): Markup {
  const s = content.schedule;
  if (s.totalSessions === 0) {
    return html`<section><h2>Your visits</h2><p>We are not booking treatment visits yet. We will talk with you about the next step.</p></section>`;
  }
  const hands = [...new Map(content.techniques.map((t) => [t.code, techniqueWords(t.code)])).values()];
  return html`<section>
<h2>Your visits</h2>
<p>We will see you <strong>${times(s.sessionsPerWeek)} a week for ${plural(s.weeks, 'week', 'weeks')}</strong>: ${plural(s.totalSessions, 'visit', 'visits')} of about ${s.sessionMinutes} minutes.${
    s.reassessAfterSessions > 0
      ? html` After ${plural(s.reassessAfterSessions, 'visit', 'visits')} we will check your progress together and adjust the plan.`
      : null
  }</p>
${hands.length > 0 ? html`<p>In the sessions we will use ${list(hands)}. Tell us at any time if the pressure is too much.</p>` : null}
</section>`;
}

/** "3 sets of 10, hold 5 seconds" from a dose; empty when the plan gives none (plans before engine 2.0). */
function doseInWords(dose: PlanContent['homeProgram'][number]['dose']): string {
  if (!dose) return '';
  const parts: string[] = [];
  if (dose.sets && dose.reps) parts.push(`${dose.sets} ${dose.sets === 1 ? 'set' : 'sets'} of ${dose.reps}`);
  else if (dose.reps) parts.push(`${dose.reps} times`);
  if (dose.holdSeconds) parts.push(`hold ${dose.holdSeconds} seconds`);
  if (dose.minutes) parts.push(`${dose.minutes} minutes`);
  return parts.join(', ');
}

function homeProgram(content: PlanContent): Markup {
  if (content.homeProgram.length === 0) return html``;
  const items = content.homeProgram.map((item) => {
    const dose = doseInWords(item.dose);
    return html`<li class="exercise">
<h3>${HOME_EXERCISES[item.code]?.label ?? item.code.replace(/_/g, ' ')}</h3>
<p>${item.instructions}</p>
<p class="dose">${dose ? html`<span>How much: ${dose}</span> ` : null}<span>How often: ${item.frequency}</span></p>
${item.progression ? html`<p class="next">When it feels easy: ${item.progression}</p>` : null}
</li>`;
  });
  return html`<section>
<h2>Your home exercises</h2>
<p>Move gently and within comfort. Mild soreness that settles within a day or two is normal.</p>
<ol class="exercises">${items}</ol>
</section>`;
}

function stopSigns(content: PlanContent): Markup {
  return html`<section class="stop">
<h2>Stop and call us if…</h2>
<ul>${STOP_SIGNS.map((s) => html`<li>${s}</li>`)}</ul>
${content.precautions.length > 0 ? html`<p>What we are being careful about for you:</p><ul>${content.precautions.map((p) => html`<li>${p}</li>`)}</ul>` : null}
</section>`;
}

// A constant of this file (only the paper size varies, from a closed list): trusted markup.
const style = (paper: PaperSize) =>
  new Markup(`
@page { size: ${paper === 'letter' ? 'letter' : 'A4'}; margin: 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: Georgia, 'Times New Roman', serif; font-size: 12pt; line-height: 1.4; color: #000; background: #fff; margin: 0 auto; padding: 16px; max-width: 46rem; }
header { border-bottom: 2px solid #000; margin-bottom: 0.8em; padding-bottom: 0.4em; }
.clinic { font-family: Helvetica, Arial, sans-serif; font-size: 11pt; letter-spacing: 0.04em; text-transform: uppercase; margin: 0; }
h1 { font-size: 20pt; margin: 0.2em 0; }
.meta { margin: 0; }
h2 { font-family: Helvetica, Arial, sans-serif; font-size: 13pt; margin: 1em 0 0.3em; border-bottom: 1px solid #999; }
h3 { font-size: 12pt; margin: 0 0 0.2em; }
p { margin: 0.3em 0; }
ul, ol { margin: 0.3em 0; padding-left: 1.4em; }
.exercise { margin-bottom: 0.6em; }
.dose span { display: inline-block; border: 1px solid #000; padding: 0 0.4em; margin-right: 0.4em; }
.notice, .stop { border: 2px solid #000; padding: 0.4em 0.8em; }
footer { margin-top: 1em; font-size: 10pt; border-top: 1px solid #999; padding-top: 0.4em; }
@media print {
  body { font-size: 10.5pt; padding: 0; max-width: none; }
  h1 { font-size: 17pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  li, .notice, .stop { break-inside: avoid; page-break-inside: avoid; }
}
@media (max-width: 30rem) { body { font-size: 11pt; padding: 10px; } }
`);

/** The handout as a complete HTML document. */
export function handoutHtml(input: HandoutInput): string {
  const paper = input.paper ?? 'a4';
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="${HANDOUT_CSP}">
<title>Your treatment plan – ${input.clinicName}</title>
<style>${style(paper)}</style>
</head>
<body>
<header>
<p class="clinic">${input.clinicName}</p>
<h1>Your treatment plan</h1>
<p class="meta">${input.patientName ? html`For <strong>${input.patientName}</strong> · ` : null}${input.issuedOn}</p>
</header>
<main>
${found(input.content)}
${visits(input.content)}
${homeProgram(input.content)}
${stopSigns(input.content)}
</main>
<footer><p>Questions about your plan? Call ${input.clinicName}. Keep this sheet and bring it to your visits.</p></footer>
</body>
</html>
`.toString();
}
