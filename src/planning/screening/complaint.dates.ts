// Dates as notes write them, each read as the days from it to the assessment ("today", a day number):
// shared by the operations reader and the complaint reader, which tells a recent date from history.
import { dayNumber } from '../engine.util';

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Days from the last day of a month (not after today) to today; without a year, the latest such month begun by today. */
export function monthDated(today: number, month: string, year: string | undefined): number | null {
  const m = MONTHS.indexOf(month.slice(0, 3)) + 1;
  if (m < 1) return null;
  const first = (y: number) => dayNumber(`${y}-${String(m).padStart(2, '0')}-01`);
  const nextFirst = (y: number) => (m === 12 ? dayNumber(`${y + 1}-01-01`) : dayNumber(`${y}-${String(m + 1).padStart(2, '0')}-01`));
  let y = year ? Number(year) : civilYear(today);
  if (!year && first(y) > today) y--;
  return today - Math.min(nextFirst(y) - 1, today);
}

/** Days from a date in figures to today: day first, else month first; the later of the readings not after today. */
export function numericDated(today: number, first: number, second: number, year: string): number | null {
  const y = year.length === 2 ? 2000 + Number(year) : Number(year);
  const valid = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
  let best: number | null = null;
  for (const [day, month] of [
    [first, second],
    [second, first],
  ] as const) {
    if (!valid(day, month)) continue;
    const days = today - dayNumber(`${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    if (days >= 0 && (best === null || days < best)) best = days;
  }
  return best;
}

/** Days from the last day of a year (not after today) to today; null for a year to come. */
export function yearDated(today: number, year: number): number | null {
  const first = dayNumber(`${year}-01-01`);
  if (first > today) return null;
  return today - Math.min(dayNumber(`${year + 1}-01-01`) - 1, today);
}

/** Days from a day of a month to today; without a year, the latest such day not after today. */
export function dated(today: number, day: number, month: string, year: string | undefined): number | null {
  const m = MONTHS.indexOf(month.slice(0, 3)) + 1;
  if (m < 1 || day < 1 || day > 31) return null;
  const iso = (y: number) => `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (year) return today - dayNumber(iso(Number(year)));
  const thisYear = civilYear(today);
  const days = today - dayNumber(iso(thisYear));
  return days >= 0 ? days : today - dayNumber(iso(thisYear - 1));
}

// Meteorological seasons of the northern hemisphere, by their first and last months.
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 2] };

/**
 * Days from the last day of a season to today (0 while it lasts): "last spring", "in the summer", "winter
 * 2025" (the winter that starts in December 2025). Without a year, the latest such season begun by today,
 * or the one before it when told as `last` and still going on.
 */
export function seasonDated(today: number, season: string, year: string | undefined, last: boolean): number | null {
  const months = SEASONS[season];
  if (!months) return null;
  const [startMonth, endMonth] = months;
  const start = (y: number) => dayNumber(`${y}-${String(startMonth).padStart(2, '0')}-01`);
  // The day before the first of the month after the last month.
  const end = (y: number) => {
    const ey = endMonth < startMonth ? y + 1 : y;
    return endMonth === 12 ? dayNumber(`${ey + 1}-01-01`) - 1 : dayNumber(`${ey}-${String(endMonth + 1).padStart(2, '0')}-01`) - 1;
  };
  let y = year ? Number(year) : civilYear(today);
  if (start(y) > today) {
    if (year) return null;
    y--;
  }
  if (!year && last && end(y) >= today) y--;
  return today - Math.min(end(y), today);
}

/** The year of a day number (the inverse of dayNumber for the year only). */
export function civilYear(day: number): number {
  let y = 1970 + Math.floor(day / 365.2425);
  while (dayNumber(`${y}-01-01`) > day) y--;
  while (dayNumber(`${y + 1}-01-01`) <= day) y++;
  return y;
}
