import { desc, eq, gte, sql, type SQL } from "drizzle-orm";
import { gatedBound } from "../db/gate";
import type { Db } from "../db/client";
import { weeklyReviews } from "../db/schema";

// The reviews feature's read API: the stored weeks (weekly_reviews) and whether a stored week's data moved
// since. The figures themselves are read through the digestion, idle-land, parcels and projects read APIs.

/**
 * The headline of a stored week, for the home page (zero or one row): the few figures it shows, taken out of
 * the stored review inside D1 rather than the whole review (hundreds of KB at 50,000 parcels) carried to the
 * Worker. `only` gates it (the viewer's headline): with it false the key is NULL and no row is read.
 */
export function headlineQuery(db: Db, week: string, only?: SQL) {
  const f = weeklyReviews.figures;
  const at = (path: string) => sql`json_extract(${f}, ${path})`;
  const moves = (late: 0 | 1) =>
    sql<number>`(SELECT count(*) FROM json_each(${f}, '$.moves') WHERE json_extract(value, '$.late') = ${late})`;
  return db
    .select({
      week: weeklyReviews.week,
      digestedMu: sql<number>`${at("$.digestion.digested.areaMu")}`.as("digested_mu"),
      targetMu: sql<number | null>`${at("$.digestion.target.areaMu")}`.as("target_mu"),
      progress: sql<number | null>`${at("$.digestion.progress")}`.as("progress"),
      startRate: sql<number | null>`${at("$.rates.start.countRate")}`.as("start_rate"),
      moves: moves(0).as("moves_on_time"),
      late: moves(1).as("moves_late"),
      corrections: sql<number>`json_array_length(${f}, '$.corrections')`.as("corrections"),
      turned:
        sql<number>`json_array_length(${f}, '$.projects.overdue') + json_array_length(${f}, '$.projects.atRisk')`.as(
          "turned",
        ),
    })
    .from(weeklyReviews)
    .where(eq(weeklyReviews.week, gatedBound(week, only)))
    .limit(1);
}
export type Headline = Awaited<ReturnType<typeof headlineQuery>>[number];

/** The stored review of one week (zero or one row). */
export const snapshotQuery = (db: Db, week: string) =>
  db.select().from(weeklyReviews).where(eq(weeklyReviews.week, week)).limit(1);

/**
 * The stored review of one week as its page shows it first (zero or one row): the first view stored beside
 * the figures (first-view.ts), so the whole review is not read; a week stored before there was one gives its
 * whole figures and no totals (coalesce reads `figures` only then).
 */
export const snapshotFirstViewQuery = (db: Db, week: string) =>
  db
    .select({
      takenAt: weeklyReviews.takenAt,
      figures: sql<string>`coalesce(${weeklyReviews.firstView}, ${weeklyReviews.figures})`,
      totals: weeklyReviews.firstViewTotals,
    })
    .from(weeklyReviews)
    .where(eq(weeklyReviews.week, week))
    .limit(1);

/** The weeks stored from `fromWeek` on, latest first (ISO week names sort as text). */
export const storedWeeksQuery = (db: Db, fromWeek: string) =>
  db
    .select({ week: weeklyReviews.week })
    .from(weeklyReviews)
    .where(gte(weeklyReviews.week, fromWeek))
    .orderBy(desc(weeklyReviews.week))
    .limit(100);

/** The latest stored week (zero or one row). */
export const latestStoredQuery = (db: Db) =>
  db.select({ week: weeklyReviews.week }).from(weeklyReviews).orderBy(desc(weeklyReviews.week)).limit(1);

/** The highest id of every table a review reads, taken in the same batch as its figures. */
export const watermarksQuery = (db: Db) =>
  db
    .select({
      lastEventId: sql<number>`coalesce((SELECT max(id) FROM parcel_events), 0)`.as("last_event_id"),
      lastParcelId: sql<number>`coalesce((SELECT max(id) FROM parcels), 0)`.as("last_parcel_id"),
      lastProjectEventId: sql<number>`coalesce((SELECT max(id) FROM project_events), 0)`.as("last_project_event_id"),
      lastProblemEventId: sql<number>`coalesce((SELECT max(id) FROM problem_events), 0)`.as("last_problem_event_id"),
      lastTargetId: sql<number>`coalesce((SELECT max(id) FROM annual_target_history), 0)`.as("last_target_id"),
    })
    .from(sql`(SELECT 1)`);

export type Watermarks = Awaited<ReturnType<typeof watermarksQuery>>[number];

/**
 * Whether anything that can alter the stored week's figures was written after it was stored: a move or
 * delay dated by the week's end, a correction of such a move, an edit, a parcel registered with a date by
 * then, a project or problem change, a target change. Each reads only the rows added since (id ranges).
 * One row: changed = 0 or 1 (0 too when the week is not stored).
 */
export function changedSinceQuery(db: Db, week: string, endOn: string) {
  const w = sql`(SELECT * FROM weekly_reviews WHERE week = ${week})`;
  return db
    .select({
      changed: sql<number>`(EXISTS (SELECT 1 FROM ${w} s JOIN parcel_events e ON e.id > s.last_event_id
          WHERE e.kind = 'edit' OR (e.kind IN ('move', 'delay') AND e."on" <= ${endOn})
            OR (e.kind = 'correction' AND (SELECT r."on" FROM parcel_events r WHERE r.id = e.reverts_event_id) <= ${endOn}))
        OR EXISTS (SELECT 1 FROM ${w} s JOIN parcels p ON p.id > s.last_parcel_id
          WHERE p.approved_on <= ${endOn} OR p.reserved_on <= ${endOn})
        OR EXISTS (SELECT 1 FROM ${w} s JOIN project_events x ON x.id > s.last_project_event_id)
        OR EXISTS (SELECT 1 FROM ${w} s JOIN problem_events x ON x.id > s.last_problem_event_id)
        OR EXISTS (SELECT 1 FROM ${w} s JOIN annual_target_history x ON x.id > s.last_target_id))`.as("changed"),
    })
    .from(sql`(SELECT 1)`);
}
