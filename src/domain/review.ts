import { addDays } from "./dates";
import { isoWeekOf, mondayOf, weekEnd, weekStart } from "./week";

// 周进度晾晒 the weekly review's pure rules (docs/PRODUCT.md §8): which week, the change on last week, ranks.

/** The last finished week on `today`: the week before the one today falls in (Monday–Sunday, Asia/Shanghai). */
export const lastFinishedWeek = (today: string) => isoWeekOf(addDays(mondayOf(today), -1));

/** The week `n` weeks after `week` (n < 0: before). */
export const shiftWeek = (week: string, n: number) => isoWeekOf(addDays(weekStart(week), 7 * n));

/** True once the week's Sunday is over on `today`. */
export const isFinished = (week: string, today: string) => weekEnd(week) < today;

/**
 * A move is a late entry when it was recorded after the end of the week its business date falls in:
 * recorded on a later Monday–Sunday than the one it is dated in.
 */
export const isLateEntry = (on: string, recordedOn: string) => mondayOf(recordedOn) > mondayOf(on);

/**
 * 晾晒 competition ranking ("1, 2, 2, 4"): the highest value ranks 1, equal values share a rank, a row
 * without a value (null: nothing to rate) gets no rank. Returns the rank of each row, in input order.
 */
export function ranks(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v).length));
}

/** Places gained since last week (positive = moved up); null when either week has no rank. */
export const rankChange = (now: number | null, before: number | null) =>
  now === null || before === null ? null : before - now;

/** Sum of `part` over `whole`, or null when there is nothing to rate. */
export const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
