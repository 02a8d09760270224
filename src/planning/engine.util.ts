// Small pure helpers shared by the engine's rules.
import { REGION_CODES, REGIONS, type RegionCode } from './catalog/catalog.regions';
import { PRESSURES, type Pressure, type Side } from './catalog/catalog.types';

/** Sides as bits, so that "which part of a region is forbidden" is a bitwise question. */
export const LEFT = 1;
export const RIGHT = 2;
export const MIDLINE = 4;
export const WHOLE = LEFT | RIGHT | MIDLINE;

/** The part of a region a pain location or technique covers; without a side, both sides of a paired region or the midline of an unpaired one. */
export function coverage(region: RegionCode, side: Side | undefined): number {
  switch (side) {
    case 'left':
      return LEFT;
    case 'right':
      return RIGHT;
    case 'midline':
      return REGIONS[region].paired ? LEFT | RIGHT : MIDLINE;
    case 'bilateral':
      return LEFT | RIGHT;
    default:
      return REGIONS[region].paired ? LEFT | RIGHT : MIDLINE;
  }
}

/** The part of a region a local condition rules out: a named side only that side, otherwise all of it. */
export function exclusion(side: Side | null | undefined): number {
  if (side === 'left') return LEFT;
  if (side === 'right') return RIGHT;
  if (side === 'midline') return MIDLINE;
  return WHOLE;
}

/**
 * The side word for a coverage mask. A mask no word covers exactly (one side and the midline, what
 * is left of an unpaired region when a condition rules out the other side) gets the narrower word,
 * so work named by it never reaches the part ruled out.
 */
export function sideOf(mask: number): Side {
  if ((mask & (LEFT | RIGHT)) === LEFT) return 'left';
  if ((mask & (LEFT | RIGHT)) === RIGHT) return 'right';
  if (mask === MIDLINE) return 'midline';
  return 'bilateral';
}

const REGION_WORDS = Object.fromEntries(
  REGION_CODES.map((r) => [r, r === 'ankle_foot' ? 'ankle and foot' : r === 'wrist_hand' ? 'wrist and hand' : r.replace(/_/g, ' ')]),
) as Record<RegionCode, string>;

/** Human words for a region and side, e.g. "left shoulder". */
export function placeName(region: RegionCode, side: Side | null | undefined): string {
  const name = REGION_WORDS[region];
  return side === 'left' || side === 'right' ? `${side} ${name}` : side === 'bilateral' ? `${name} (both sides)` : name;
}

export const PRESSURE_RANK: Record<Pressure, number> = { light: 0, moderate: 1, firm: 2 };

/** The lower of two pressures. */
export function minPressure(a: Pressure, b: Pressure): Pressure {
  return PRESSURE_RANK[a] <= PRESSURE_RANK[b] ? a : b;
}

/** The pressure of a rank. */
export function pressureOf(rank: number): Pressure {
  return PRESSURES[Math.max(0, Math.min(2, rank))] as Pressure;
}

/** The number written by `count` ASCII digits at `from`, or -1. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 48 && c <= 57)) return -1;
    value = value * 10 + (c - 48);
  }
  return value;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (proleptic Gregorian), without the clock or Date. */
export function dayNumber(isoDate: string): number {
  // Read digit by digit: a regular expression per date cost more than the arithmetic (called per surgery and plan).
  let y = digitsAt(isoDate, 0, 4);
  const m = digitsAt(isoDate, 5, 2);
  const d = digitsAt(isoDate, 8, 2);
  if (y < 0 || m < 0 || d < 0 || isoDate.charCodeAt(4) !== 45 || isoDate.charCodeAt(7) !== 45) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  // Howard Hinnant's days_from_civil.
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Collects the rules that fired and why, once each, in firing order. */
export class Explainer {
  readonly entries: { ruleId: string; because: string }[] = [];
  // A rule usually fires for one reason; a few (e.g. one per region) for several.
  private readonly reasons = new Map<string, string | string[]>();

  /** Records a rule; the same rule with the same reason is kept once. Returns the rule id. */
  add(ruleId: string, because: string): string {
    const known = this.reasons.get(ruleId);
    if (known === undefined) this.reasons.set(ruleId, because);
    else if (known === because || (typeof known !== 'string' && known.includes(because))) return ruleId;
    else if (typeof known === 'string') this.reasons.set(ruleId, [known, because]);
    else known.push(because);
    this.entries.push({ ruleId, because });
    return ruleId;
  }

  /** Records a rule unless it is already recorded, building its reason only then. */
  once(ruleId: string, because: () => string): string {
    return this.reasons.has(ruleId) ? ruleId : this.add(ruleId, because());
  }
}
