import type { Issue } from "../domain/issues";
import { lastFinishedWeek } from "../domain/review";
import { isIsoWeek, isoWeekOf } from "../domain/week";

// Reviews start with the century; a week after the one today falls in has nothing to review yet.
const FIRST_YEAR = 2000;

export type WeekQuery = { ok: true; week: string } | { ok: false; issues: Issue[] };

/**
 * `?week=YYYY-Www`, shared by the page, the API and the exports: the last finished week by default; a week
 * that does not exist, is malformed, before 2000 or after the current week → an issue (400).
 */
export function parseWeekQuery(q: Record<string, string>, today: string): WeekQuery {
  const raw = q.week?.trim() ?? "";
  if (raw === "") return { ok: true, week: lastFinishedWeek(today) };
  const week = raw.toUpperCase();
  if (!isIsoWeek(week) || Number(week.slice(0, 4)) < FIRST_YEAR || week > isoWeekOf(today))
    return { ok: false, issues: [{ path: "week", code: "bad_week" }] };
  return { ok: true, week };
}
