import { addDays, addYears } from "../domain/dates";
import { AGE_BUCKETS, type AgeBucket } from "../domain/digestion";

// The whole years at which each bucket after the first begins (domain/digestion.ts ageBucket).
const FROM_YEARS = [1, 2, 3, 5] as const;

/**
 * The latest approval date that is at least `n` years old on D: the largest a with addYears(a, n) ≤ D.
 * SQL compares approved_on with these cut-offs instead of doing calendar arithmetic (SQLite's
 * "+1 year" turns 29 Feb into 1 March, the domain's addYears into 28 Feb).
 */
export function ageCutoff(d: string, n: number): string {
  // Start from the same date n years earlier (29 Feb clipped), then step to the exact edge.
  let a = addYears(d, -n);
  while (addYears(a, n) > d) a = addDays(a, -1);
  while (addYears(addDays(a, 1), n) <= d) a = addDays(a, 1);
  return a;
}

/** For each bucket the approvals it holds on D: approved_on in (after, upTo], null = unbounded. */
export function bucketRanges(d: string): { bucket: AgeBucket; after: string | null; upTo: string }[] {
  const cuts = FROM_YEARS.map((n) => ageCutoff(d, n));
  return AGE_BUCKETS.map((bucket, i) => ({
    bucket,
    upTo: i === 0 ? d : cuts[i - 1],
    after: i < cuts.length ? cuts[i] : null,
  }));
}
