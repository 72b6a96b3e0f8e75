import { addDays, daysBetween } from "./dates";

// 周 weeks run Monday–Sunday and are named as ISO 8601 weeks ("2023-W25", docs/PRODUCT.md §8). An ISO week
// belongs to the year of its Thursday, so 2021-01-03 (a Sunday) is in 2020-W53 and 2024-12-30 (a
// Monday) is in 2025-W01.

// 1970-01-05 was a Monday: counting days from it gives the weekday without touching Date.
const A_MONDAY = "1970-01-05";

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return (((daysBetween(A_MONDAY, date) % 7) + 7) % 7) + 1;
}

/** The Monday on or before `date`. */
export const mondayOf = (date: string) => addDays(date, 1 - isoWeekday(date));

/** Day of the year, 1 January = 1. */
export const dayOfYear = (date: string) => daysBetween(`${date.slice(0, 4)}-01-01`, date) + 1;

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, "0");

/** The ISO week a date falls in, "YYYY-Www". */
export function isoWeekOf(date: string): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const week = Math.floor((dayOfYear(thursday) - 1) / 7) + 1;
  return `${thursday.slice(0, 4)}-W${pad(week)}`;
}

/** How many ISO weeks a year has: 53 when its 28 December falls in week 53, else 52. */
export function weeksInIsoYear(year: number): number {
  return isoWeekOf(`${String(year).padStart(4, "0")}-12-28`).endsWith("W53") ? 53 : 52;
}

/** True for a week that exists: "2020-W53" is one, "2021-W53" is not. */
export function isIsoWeek(week: string): boolean {
  const m = WEEK_RE.exec(week);
  return m !== null && +m[2] >= 1 && +m[2] <= weeksInIsoYear(+m[1]);
}

/** The Monday of an ISO week. 4 January is always in week 1, so week 1 starts on the Monday on or before it. */
export function weekStart(week: string): string {
  const m = WEEK_RE.exec(week);
  if (!m || !isIsoWeek(week)) throw new RangeError(`not an ISO week: ${week}`);
  return addDays(mondayOf(`${m[1]}-01-04`), 7 * (+m[2] - 1));
}

/** The Sunday of an ISO week. */
export const weekEnd = (week: string) => addDays(weekStart(week), 6);
