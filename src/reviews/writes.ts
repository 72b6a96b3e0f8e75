import type { Db } from "../db/client";
import { weeklyReviews } from "../db/schema";
import { shanghaiDate } from "../domain/dates";
import { lastFinishedWeek, shiftWeek } from "../domain/review";
import { reviewReads, shapeReview, weekSpan } from "./figures";
import { firstViewOf } from "./first-view";
import { latestStoredQuery, watermarksQuery } from "./queries";

// The scheduled job's write (wrangler.toml [triggers], Monday 00:30 Asia/Shanghai): each finished week's
// review stored once, as reported then. weekly_reviews is append-only (triggers) and UNIQUE on the week,
// and the insert is INSERT OR IGNORE, so however often the job runs — twice, or two at once — a week is
// stored exactly once and never changed.

/** Monday 00:30 in Asia/Shanghai = Sunday 16:30 UTC (wrangler.toml [triggers]): store the week just finished. */
export const WEEKLY_CRON = "30 16 * * SUN";

/** How many missed weeks one run fills in at most (the latest ones). */
export const BACKFILL_WEEKS = 8;

/** The weeks to store on `today`: the last finished one, and the ones missed since the latest stored. */
export function weeksToStore(today: string, latestStored: string | null): string[] {
  const last = lastFinishedWeek(today);
  if (latestStored === null) return [last];
  const weeks: string[] = [];
  for (let w = last; w > latestStored && weeks.length < BACKFILL_WEEKS; w = shiftWeek(w, -1)) weeks.unshift(w);
  return weeks;
}

/** Stores every finished week not yet stored (oldest first); returns the weeks this run wrote. */
export async function storeFinishedWeeks(db: Db, now: Date): Promise<string[]> {
  const [[latest]] = await db.batch([latestStoredQuery(db)]);
  const written: string[] = [];
  for (const week of weeksToStore(shanghaiDate(now), latest?.week ?? null)) {
    const span = weekSpan(week);
    // The watermarks travel in the figures' batch, so they mark exactly the data the figures saw.
    const [[marks], ...reads] = await db.batch([watermarksQuery(db), ...reviewReads(db, span)]);
    const figures = shapeReview(span, reads as unknown as Parameters<typeof shapeReview>[1]);
    const first = firstViewOf(figures);
    const res = await db
      .insert(weeklyReviews)
      .values({
        week,
        startOn: span.startOn,
        endOn: span.endOn,
        figures: JSON.stringify(figures),
        ...marks,
        takenAt: now.toISOString(),
        firstView: JSON.stringify(first.review),
        firstViewTotals: JSON.stringify(first.totals),
      })
      .onConflictDoNothing()
      .run();
    if (res.meta.changes === 1) written.push(week);
  }
  return written;
}
