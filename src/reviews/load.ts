import type { Context } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { isFinished } from "../domain/review";
import { reviewReads, shapeReview, weekSpan, type Review } from "./figures";
import type { Totals } from "./first-view";
import { changedSinceQuery, snapshotFirstViewQuery, snapshotQuery } from "./queries";
import { reviewTables, type Cell } from "./tables";

/** One figure the stored review and today's data disagree on: table, row (its first cell), column. */
export type Difference = { table: string; row: string; rowCells: Cell[]; col: string; reported: Cell; live: Cell };

export type LoadedReview = {
  /** The figures shown: as reported (stored) for a stored week, else computed from today's data. */
  review: Review;
  /** When the review was stored (null: computed live). */
  takenAt: string | null;
  /** Today's figures for a stored week whose data changed since, else null. */
  live: Review | null;
  differences: Difference[];
  /**
   * For a first view (`loadReview(…, { firstView: true })`) of a stored week: the full row count of each
   * list the database cut to its first rows (first-view.ts); `review` holds only those rows. Else empty.
   */
  totals: Totals;
};

/** Cell by cell, the figures of `live` that differ from `reported` (rows matched by their leading cells). */
export function differencesOf(reported: Review, live: Review): Difference[] {
  const out: Difference[] = [];
  const liveTables = new Map(reviewTables(live).map((t) => [t.id, t]));
  for (const a of reviewTables(reported)) {
    const b = liveTables.get(a.id)!;
    const rowKey = (row: Cell[]) => a.key.map((i) => String(row[i])).join(" · ");
    const keys = [...new Set([...a.rows.map(rowKey), ...b.rows.map(rowKey)])];
    for (const key of keys) {
      const ra = a.rows.find((r) => rowKey(r) === key);
      const rb = b.rows.find((r) => rowKey(r) === key);
      a.cols.forEach((col, i) => {
        const [x, y] = [ra?.[i] ?? null, rb?.[i] ?? null];
        const rowCells = a.key.map((k) => (ra ?? rb)![k]);
        if (x !== y) out.push({ table: a.id, row: key, rowCells, col: col.key, reported: x, live: y });
      });
    }
  }
  return out;
}

/**
 * The week's review for a page, the API or a download. A week not yet over is computed live (one batch with
 * the session). A finished week reads its stored review and whether anything dated in it changed since, in
 * the session's batch; only a week never stored, or one whose data changed, costs a second round trip for
 * today's figures, which are then shown beside the stored ones where they differ. `firstView`: the review
 * page's read, which takes a stored week's long lists cut to their first rows (see `totals`).
 */
export async function loadReview(
  c: Context<AppEnv>,
  week: string,
  opts: { firstView?: boolean } = {},
): Promise<LoadedReview> {
  const span = weekSpan(week);
  if (!isFinished(week, c.get("today"))) {
    const { results } = await authorize(c, (db) => reviewReads(db, span));
    return { review: shapeReview(span, results), takenAt: null, live: null, differences: [], totals: {} };
  }
  const snapshot = opts.firstView ? snapshotFirstViewQuery : snapshotQuery;
  const {
    db,
    results: [[stored], [check]],
  } = await authorize(c, (d) => [snapshot(d, week), changedSinceQuery(d, week, span.endOn)]);
  if (stored && !check.changed) {
    const totals = "totals" in stored && stored.totals ? (JSON.parse(stored.totals) as Totals) : {};
    return {
      review: JSON.parse(stored.figures) as Review,
      takenAt: stored.takenAt,
      live: null,
      differences: [],
      totals,
    };
  }
  if (!stored) {
    const live = shapeReview(span, await db.batch(reviewReads(db, span)));
    return { review: live, takenAt: null, live: null, differences: [], totals: {} };
  }
  // The data changed since the week was stored: today's figures beside the whole stored review. The first
  // view read only the long lists' first rows (every row past them would count as a difference), so the whole
  // review comes again in today's round trip.
  if (!opts.firstView) return compared(stored, shapeReview(span, await db.batch(reviewReads(db, span))));
  const [[whole], ...reads] = await db.batch([snapshotQuery(db, week), ...reviewReads(db, span)]);
  return compared(whole, shapeReview(span, reads as unknown as Parameters<typeof shapeReview>[1]));
}

/** A stored review whose data changed since, with today's figures where they differ. */
function compared(stored: { figures: string; takenAt: string }, live: Review): LoadedReview {
  const reported = JSON.parse(stored.figures) as Review;
  const differences = differencesOf(reported, live);
  return {
    review: reported,
    takenAt: stored.takenAt,
    live: differences.length ? live : null,
    differences,
    totals: {},
  };
}
