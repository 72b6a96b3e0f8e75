import { addYears } from "./dates";
import { sortTowns } from "./towns";

/**
 * 批而未供 approved-but-unsupplied land and its digestion (消化), docs/PRODUCT.md §5 as issue 9 §2 makes it exact.
 *
 * Each function takes per-parcel facts and the date(s) it asks about, and compares every date with
 * them, so the facts may be a parcel as of D (as-of.ts) or the current row: by the prefix rule
 * (as-of.ts) "reached X by D" ⇔ `xOn` ≤ D either way. Areas are summed in integer m²; callers convert
 * the sums once (area.ts), so a total equals the sum of its rows.
 */
export type DigestionFacts = {
  approvedOn: string | null;
  suppliedOn: string | null;
  withdrawnOn: string | null;
  areaM2: number;
  town: string;
  batchId: number | null;
};

export type Tally = { count: number; areaM2: number };

const by = (on: string | null, d: string) => on !== null && on <= d;

/** In the stock on D: approved on or before D, and neither supplied nor withdrawn on or before D. */
export function inStock(p: DigestionFacts, d: string): boolean {
  return by(p.approvedOn, d) && !by(p.suppliedOn, d) && !by(p.withdrawnOn, d);
}

/** The stock on D (批而未供 as of D), in the order given. */
export const stockOn = <F extends DigestionFacts>(parcels: readonly F[], d: string) =>
  parcels.filter((p) => inStock(p, d));

/** Count and m² of some parcels. */
export function tally(parcels: readonly DigestionFacts[]): Tally {
  return { count: parcels.length, areaM2: parcels.reduce((sum, p) => sum + p.areaM2, 0) };
}

/** The last day of year Y−1: the stock at the start of Y is the stock on that day. */
export const yearStartDay = (year: number) => `${String(year - 1).padStart(4, "0")}-12-31`;

/** The stock at the start of year Y = the stock on 31 December of Y−1 (so 1 January belongs to Y). */
export const stockAtYearStart = <F extends DigestionFacts>(parcels: readonly F[], year: number) =>
  stockOn(parcels, yearStartDay(year));

/** The day a parcel left the stock: the earlier of its supply and its withdrawal (each parcel once). */
export function leftStockOn(p: DigestionFacts): string | null {
  if (p.suppliedOn === null) return p.withdrawnOn;
  if (p.withdrawnOn === null) return p.suppliedOn;
  return p.suppliedOn < p.withdrawnOn ? p.suppliedOn : p.withdrawnOn;
}

/** The last day that counts for year Y as of D: D itself, or 31 December when D is in a later year. */
export const yearCutoff = (year: number, d: string) => (d < `${year}-12-31` ? d : `${year}-12-31`);

/**
 * Digested in Y as of D: parcels of Y's year-start stock that were supplied or withdrawn from
 * 1 January of Y to D (to 31 December when D is later). Empty when D is before 1 January of Y.
 * Asking for a D before 31 December of Y−1 needs facts that go past D (the current row).
 */
export function digestedIn<F extends DigestionFacts>(parcels: readonly F[], year: number, d: string): F[] {
  const from = `${year}-01-01`;
  const to = yearCutoff(year, d);
  return stockAtYearStart(parcels, year).filter((p) => {
    const left = leftStockOn(p);
    return left !== null && left >= from && left <= to;
  });
}

// Approval-age buckets (<1, 1–2, 2–3, 3–5, ≥5 years, docs/PRODUCT.md §5), by calendar anniversaries.
export const AGE_BUCKETS = ["<1", "1-2", "2-3", "3-5", ">=5"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
// The whole years at which each bucket after the first begins.
const BUCKET_FROM_YEARS = [1, 2, 3, 5] as const;

/**
 * The age bucket of an approval on D. A bucket of n years begins on the n-th anniversary itself
 * (addYears: an approval of 29 Feb has its anniversaries on 28 Feb in common years).
 */
export function ageBucket(approvedOn: string, d: string): AgeBucket {
  let i = 0;
  while (i < BUCKET_FROM_YEARS.length && addYears(approvedOn, BUCKET_FROM_YEARS[i]) <= d) i++;
  return AGE_BUCKETS[i];
}

/** The stock on D by approval age, every bucket listed (zeros included), youngest first. */
export function stockByAge(parcels: readonly DigestionFacts[], d: string): ({ bucket: AgeBucket } & Tally)[] {
  const stock = stockOn(parcels, d);
  return AGE_BUCKETS.map((bucket) => ({
    bucket,
    ...tally(stock.filter((p) => ageBucket(p.approvedOn as string, d) === bucket)),
  }));
}

function groupBy<K>(parcels: readonly DigestionFacts[], key: (p: DigestionFacts) => K): Map<K, Tally> {
  const groups = new Map<K, Tally>();
  for (const p of parcels) {
    const g = groups.get(key(p)) ?? { count: 0, areaM2: 0 };
    groups.set(key(p), { count: g.count + 1, areaM2: g.areaM2 + p.areaM2 });
  }
  return groups;
}

export type TownTally = { town: string } & Tally;

/** The stock on D by town (镇/街道), towns in pinyin order; only towns with stock appear. */
export function stockByTown(parcels: readonly DigestionFacts[], d: string): TownTally[] {
  const groups = groupBy(stockOn(parcels, d), (p) => p.town);
  return sortTowns([...groups.keys()]).map((town) => ({ town, ...(groups.get(town) as Tally) }));
}

/** Towns ranked by area, largest first; equal areas keep the order given (pinyin from stockByTown). */
export const rankByArea = <T extends Tally>(rows: readonly T[]) => [...rows].sort((a, b) => b.areaM2 - a.areaM2);

/** The stock on D by batch, in batch id order; parcels without a batch last (batchId null). */
export function stockByBatch(parcels: readonly DigestionFacts[], d: string): ({ batchId: number | null } & Tally)[] {
  const groups = groupBy(stockOn(parcels, d), (p) => p.batchId);
  const ids = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return ids.map((batchId) => ({ batchId, ...(groups.get(batchId) as Tally) }));
}

const byApproval = (a: DigestionFacts, b: DigestionFacts) => {
  const x = a.approvedOn ?? "";
  const y = b.approvedOn ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The work list: the stock on D, oldest approval first; equal dates keep the order given (pass id order). */
export const workList = <F extends DigestionFacts>(parcels: readonly F[], d: string) =>
  stockOn(parcels, d).sort(byApproval);
