import { addDays, daysBetween } from "./dates";
import { digestedIn, leftStockOn, tally, yearCutoff, type DigestionFacts } from "./digestion";
import { dayOfYear, isoWeekOf, mondayOf } from "./week";

/**
 * 消化进度 progress of a year's digestion against its target (issue 9 §4). Kept apart from
 * digestion.ts, which defines what counts; this file only measures it against time. Target and
 * areas in integer m² (the target is set in 亩: convert it once with area.ts toM2).
 *
 * Definitions chosen here:
 * - Days left on D = the days after D up to and including 31 December (0 on 31 December);
 *   weeks left = days left ÷ 7, a fraction, so the needed pace does not jump on Mondays.
 * - The pace of the last eight weeks = area digested in the 56 days ending on D, clipped to
 *   1 January (early in the year the window is the days gone so far), per day of that window.
 * - The straight line to the target runs from 0 on 31 December of Y−1 to the target on 31 December
 *   of Y, by day of the year, like the share of the year gone.
 */

export const daysInYear = (year: number) => daysBetween(`${year - 1}-12-31`, `${year}-12-31`);

/** Progress = digested ÷ target (not capped at 1); null when there is no positive target. */
export const progress = (digestedM2: number, targetM2: number | null) =>
  targetM2 !== null && targetM2 > 0 ? digestedM2 / targetM2 : null;

/** What is left to digest to reach the target, never below 0. */
export const remainingToTarget = (digestedM2: number, targetM2: number) => Math.max(0, targetM2 - digestedM2);

/** Share of year Y gone on D: day of the year ÷ days in the year (1 Jan → 1/365); 0 before Y, 1 after. */
export function yearShareGone(year: number, d: string): number {
  if (d < `${year}-01-01`) return 0;
  if (d > `${year}-12-31`) return 1;
  return dayOfYear(d) / daysInYear(year);
}

export type BurnDownWeek = {
  /** ISO week name; the first and last weeks of a year may be partial (from/to clipped to the year). */
  week: string;
  from: string;
  to: string;
  /** Digested in the year by `to` (by D for the week containing D); null for weeks not begun by D. */
  digestedM2: number | null;
  /** The straight line's value at `to`, rounded to the m². */
  lineM2: number;
};

/** The weeks of year Y (Monday–Sunday, clipped to 1 Jan – 31 Dec), with digestion by each week's end. */
export function burnDown(
  parcels: readonly DigestionFacts[],
  year: number,
  d: string,
  targetM2: number,
): BurnDownWeek[] {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const digested = digestedIn(parcels, year, d);
  const weeks: BurnDownWeek[] = [];
  for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, 7)) {
    const from = monday < first ? first : monday;
    const sunday = addDays(monday, 6);
    const to = sunday > last ? last : sunday;
    const upTo = to < d ? to : d;
    const digestedM2 = from > d ? null : tally(digested.filter((p) => (leftStockOn(p) as string) <= upTo)).areaM2;
    weeks.push({
      week: isoWeekOf(monday),
      from,
      to,
      digestedM2,
      lineM2: Math.round((targetM2 * dayOfYear(to)) / daysInYear(year)),
    });
  }
  return weeks;
}

/** Days left in Y after D (D clipped to the year: before it all of Y is left, after it none). */
export function daysLeft(year: number, d: string): number {
  const start = `${year - 1}-12-31`;
  return daysBetween(yearCutoff(year, d < start ? start : d), `${year}-12-31`);
}

/**
 * The pace still needed on D, in m² per week: remaining ÷ weeks left. 0 when the target is met;
 * null when area remains but no day does (31 December, or a later D).
 */
export function paceNeeded(digestedM2: number, targetM2: number, year: number, d: string): number | null {
  const remaining = remainingToTarget(digestedM2, targetM2);
  if (remaining === 0) return 0;
  const days = daysLeft(year, d);
  return days === 0 ? null : (remaining * 7) / days;
}

/** The last-eight-weeks window on D: its first day and its length in days (at most 56). */
export function paceWindow(year: number, d: string): { from: string; days: number } {
  const to = yearCutoff(year, d);
  const earliest = addDays(to, -55);
  const from = earliest < `${year}-01-01` ? `${year}-01-01` : earliest;
  return { from, days: daysBetween(from, to) + 1 };
}

/**
 * The date the target is reached: the day digestion first reached it if it has by D; otherwise D
 * plus the days needed at the pace of the last eight weeks (rounded up to a whole day). null =
 * "not this year": the pace is 0, the date falls after 31 December, D is before Y, or no target.
 */
export function forecastReach(
  parcels: readonly DigestionFacts[],
  year: number,
  d: string,
  targetM2: number,
): string | null {
  if (d < `${year}-01-01` || targetM2 <= 0) return null;
  const digested = digestedIn(parcels, year, d);
  const dated = digested.map((p) => ({ on: leftStockOn(p) as string, areaM2: p.areaM2 }));
  let sum = 0;
  for (const p of dated.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))) {
    sum += p.areaM2;
    if (sum >= targetM2) return p.on;
  }
  const to = yearCutoff(year, d);
  const window = paceWindow(year, d);
  const recent = tally(digested.filter((p) => (leftStockOn(p) as string) >= window.from)).areaM2;
  if (recent === 0) return null;
  // At `recent / window.days` m² a day, the remaining area takes ⌈remaining × days ÷ recent⌉ days.
  const forecast = addDays(to, Math.ceil(((targetM2 - sum) * window.days) / recent));
  return forecast > `${year}-12-31` ? null : forecast;
}
