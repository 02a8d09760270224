// Billing hints per session (CPT, United States): timed 15-minute units under the 8-minute rule over
// the session's total timed minutes (CMS Claims Processing Manual ch. 5 § 20.2), and never 97124 with
// 97140 on the same region in one session (NCCI).
import type { BillingLine, PlanTechnique } from '../engine.types';
import { REGION_CODES, type RegionCode } from '../catalog/catalog.regions';
import { BILLING, BILLING_CODES, TECHNIQUES, type BillingCode } from '../catalog/catalog.techniques';
import type { Explainer } from '../engine.util';

const MASSAGE = '97124';
const MANUAL_THERAPY = '97140';
const UNIT_MINUTES = 15;

interface Line {
  cpt: BillingCode;
  minutes: number;
  regions: RegionCode[];
  units: number;
}

/** Units for a day's total timed minutes: < 8 → 0, 8–22 → 1, 23–37 → 2, 38–52 → 3, … */
export function unitsForMinutes(totalMinutes: number): number {
  return totalMinutes < 8 ? 0 : Math.floor((totalMinutes - 8) / UNIT_MINUTES) + 1;
}

/** The billing lines of a session with these techniques. */
export function planBilling(techniques: PlanTechnique[], explain: Explainer): BillingLine[] {
  if (techniques.length === 0) return [];
  // Minutes per code and region.
  const entries: { cpt: BillingCode; region: RegionCode; minutes: number }[] = [];
  for (const t of techniques) {
    const cpt = TECHNIQUES[t.code].cpt as BillingCode;
    const entry = entries.find((e) => e.cpt === cpt && e.region === t.region);
    if (entry) entry.minutes += t.minutes;
    else entries.push({ cpt, region: t.region, minutes: t.minutes });
  }
  // Same region under both 97124 and 97140: all its minutes go to the code with more time there (97140 on a tie).
  for (const massage of entries) {
    if (massage.cpt !== MASSAGE || massage.minutes === 0) continue;
    const manual = entries.find((e) => e.cpt === MANUAL_THERAPY && e.region === massage.region);
    if (!manual) continue;
    const keep = massage.minutes > manual.minutes ? massage : manual;
    const drop = keep === massage ? manual : massage;
    keep.minutes += drop.minutes;
    drop.minutes = 0;
    explain.add(
      'billing.no_97124_with_97140',
      `97124 and 97140 are not billed for the same region in one session: the ${massage.region.replace(/_/g, ' ')} minutes are billed under ${keep.cpt}.`,
    );
  }

  entries.sort((a, b) => BILLING_CODES.indexOf(a.cpt) - BILLING_CODES.indexOf(b.cpt) || REGION_CODES.indexOf(a.region) - REGION_CODES.indexOf(b.region));
  const lines: Line[] = [];
  for (const e of entries) {
    if (e.minutes === 0) continue;
    const last = lines[lines.length - 1];
    if (last && last.cpt === e.cpt) {
      last.minutes += e.minutes;
      last.regions.push(e.region);
    } else {
      lines.push({ cpt: e.cpt, minutes: e.minutes, regions: [e.region], units: 0 });
    }
  }
  for (const l of lines) l.units = Math.floor(l.minutes / UNIT_MINUTES);

  let totalMinutes = 0;
  let assigned = 0;
  for (const l of lines) {
    totalMinutes += l.minutes;
    assigned += l.units;
  }
  const totalUnits = unitsForMinutes(totalMinutes);
  // Units left after whole 15-minute blocks go to the services with the most remaining minutes.
  const byRemainder = [...lines].sort((a, b) => (b.minutes % UNIT_MINUTES) - (a.minutes % UNIT_MINUTES) || b.minutes - a.minutes || (a.cpt < b.cpt ? -1 : 1));
  for (let i = 0; assigned < totalUnits; i = (i + 1) % byRemainder.length) {
    (byRemainder[i] as Line).units++;
    assigned++;
  }
  explain.add(
    'billing.eight_minute_rule',
    `8-minute rule: ${totalMinutes} timed minutes per session → ${totalUnits} unit(s) of 15 minutes; leftover minutes go to the service with the most time.`,
  );
  return lines.map((l) => ({ cpt: l.cpt, units: l.units, minutes: l.minutes, description: BILLING[l.cpt].label, regions: l.regions }));
}
