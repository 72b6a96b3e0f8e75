import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { annualTargetHistory, annualTargets, users, type AnnualTarget } from "../db/schema";
import { muRounded } from "../domain/area";

// The targets feature's read API (年度目标 issue 9 §3): digestion, idle land and the weekly review read a
// year's target through this file, in their own authorize batch.

/** The target row of one year (none when no admin has set it). */
export const targetQuery = (db: Db, year: number) =>
  db.select().from(annualTargets).where(eq(annualTargets.year, year)).limit(1);

/** Every year's target, latest year first (a handful of rows). */
export const targetsQuery = (db: Db) => db.select().from(annualTargets).orderBy(desc(annualTargets.year)).limit(100);

/** The latest changes, newest first, with who made them. */
export const targetHistoryQuery = (db: Db, limit = 50) =>
  db
    .select({
      id: annualTargetHistory.id,
      year: annualTargetHistory.year,
      digestionM2: annualTargetHistory.digestionM2,
      startRatePct: annualTargetHistory.startRatePct,
      completionRatePct: annualTargetHistory.completionRatePct,
      at: annualTargetHistory.at,
      actor: users.displayName,
    })
    .from(annualTargetHistory)
    .innerJoin(users, eq(users.id, annualTargetHistory.actorId))
    .orderBy(desc(annualTargetHistory.id))
    .limit(limit);

/** A target in the API: the digestion area in 亩 (2 decimals) beside its m². */
export const targetJson = (t: AnnualTarget) => ({
  year: t.year,
  digestionAreaMu: muRounded(t.digestionM2),
  digestionAreaM2: t.digestionM2,
  startRatePct: t.startRatePct,
  completionRatePct: t.completionRatePct,
  version: t.version,
  updatedAt: t.updatedAt,
});
