import type { LoadedReview } from "./load";

/**
 * The API shape of docs/PRODUCT.md §9 "Weekly": the figures as reported (stored) — or computed live for a
 * week not stored — at the top level; `source` and `takenAt` say which; for a stored week whose data changed
 * since, `live` carries today's figures and `differences` each figure that moved.
 */
export const reviewJson = (l: LoadedReview) => ({
  ...l.review,
  source: l.takenAt ? ("snapshot" as const) : ("live" as const),
  takenAt: l.takenAt,
  live: l.live,
  differences: l.differences,
});
