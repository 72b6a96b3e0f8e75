import { sql } from "drizzle-orm";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import { parseWith, type Issue } from "../domain/issues";
import { calendarInput, durationInput } from "../domain/schedule-settings";
import type { Actor } from "../http/actor";

// Calendar years and milestone durations: each change and its log row in one D1 batch.

export type SettingResult = { ok: true } | { ok: false; status: 409 | 422; issues?: Issue[] };

/** Adds or replaces a year's arrangement; the entry (with its note) goes into calendar_changes. */
export async function saveCalendarYear(db: Db, body: unknown, a: Actor): Promise<SettingResult> {
  const parsed = parseWith(calendarInput, body);
  if (!parsed.ok) return { ok: false, status: 422, issues: parsed.issues };
  const v = parsed.value;
  const holidays = JSON.stringify([...new Set(v.holidays)].sort());
  const workdays = JSON.stringify([...new Set(v.workdays)].sort());
  await runBatch(db, [
    sql`INSERT INTO calendar_years (year, holidays, workdays, source, updated_at)
      VALUES (${v.year}, ${holidays}, ${workdays}, 'admin', ${a.now})
      ON CONFLICT (year) DO UPDATE SET holidays = excluded.holidays, workdays = excluded.workdays,
      version = version + 1, updated_at = excluded.updated_at`,
    sql`INSERT INTO calendar_changes (year, holidays, workdays, note, actor_id, recorded_at)
      VALUES (${v.year}, ${holidays}, ${workdays}, ${v.note}, ${a.user.id}, ${a.now})`,
  ]);
  return { ok: true };
}

/** Changes one milestone's standard duration, guarded on its version; logged in duration_changes. */
export async function saveDuration(db: Db, body: unknown, a: Actor): Promise<SettingResult> {
  const parsed = parseWith(durationInput, body);
  if (!parsed.ok) return { ok: false, status: 422, issues: parsed.issues };
  const v = parsed.value;
  const [update] = await runBatch(db, [
    sql`UPDATE milestone_durations SET days = ${v.days}, unit = ${v.unit}, note = ${v.note}, version = version + 1
      WHERE milestone = ${v.milestone} AND version = ${v.version}`,
    sql`INSERT INTO duration_changes (milestone, days, unit, note, actor_id, recorded_at)
      SELECT ${v.milestone}, ${v.days}, ${v.unit}, ${v.note}, ${a.user.id}, ${a.now} WHERE changes() = 1`,
  ]);
  return update.meta.changes === 0 ? { ok: false, status: 409 } : { ok: true };
}
