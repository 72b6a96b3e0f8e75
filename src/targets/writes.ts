import { sql } from "drizzle-orm";
import { z } from "zod";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import { toM2 } from "../domain/area";
import { parseWith, type Issue } from "../domain/issues";
import type { Actor } from "../http/actor";
import type { AnnualTarget } from "../db/schema";

/** 年度目标 input (issue 9 §3): the digestion area in 亩, the start and completion rates in percent. */
export const targetInput = z.object({
  year: z.number().int().min(1990).max(2100),
  digestionAreaMu: z.number().positive().max(1e6),
  startRatePct: z.number().int().min(0).max(100).default(100),
  completionRatePct: z.number().int().min(0).max(100).default(90),
  // The version the change was based on; absent when the year has no target yet.
  version: z.number().int().positive().optional(),
});

export type TargetResult =
  { ok: true; target: AnnualTarget } | { ok: false; status: 409 | 422; error: string; issues?: Issue[] };

/**
 * Sets a year's target and appends who set it to the history, in one batch: the row change is guarded
 * (a new year only if none exists, an existing one only at the version named), and the history row is
 * written only if it took effect. Nothing changed = someone else got there first: 409.
 */
export async function saveTarget(db: Db, body: unknown, a: Actor): Promise<TargetResult> {
  const parsed = parseWith(targetInput, body);
  if (!parsed.ok) return { ok: false, status: 422, error: "validation", issues: parsed.issues };
  const v = parsed.value;
  const m2 = toM2(v.digestionAreaMu, "mu");
  const change =
    v.version === undefined
      ? sql`INSERT INTO annual_targets (year, digestion_m2, start_rate_pct, completion_rate_pct, version, updated_by, updated_at)
          VALUES (${v.year}, ${m2}, ${v.startRatePct}, ${v.completionRatePct}, 1, ${a.user.id}, ${a.now})
          ON CONFLICT (year) DO NOTHING`
      : sql`UPDATE annual_targets SET digestion_m2 = ${m2}, start_rate_pct = ${v.startRatePct},
          completion_rate_pct = ${v.completionRatePct}, version = version + 1, updated_by = ${a.user.id}, updated_at = ${a.now}
          WHERE year = ${v.year} AND version = ${v.version}`;
  const [done] = await runBatch(db, [
    change,
    sql`INSERT INTO annual_target_history (year, digestion_m2, start_rate_pct, completion_rate_pct, actor_id, at)
      SELECT ${v.year}, ${m2}, ${v.startRatePct}, ${v.completionRatePct}, ${a.user.id}, ${a.now} WHERE changes() = 1`,
  ]);
  if (done.meta.changes === 0) return { ok: false, status: 409, error: "version_conflict" };
  const target: AnnualTarget = {
    year: v.year,
    digestionM2: m2,
    startRatePct: v.startRatePct,
    completionRatePct: v.completionRatePct,
    version: (v.version ?? 0) + 1,
    updatedBy: a.user.id,
    updatedAt: a.now,
  };
  return { ok: true, target };
}
