import type { BatchResponse } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import type { AnnualTarget } from "../db/schema";
import { areaFields } from "../domain/area";
import { burnDown, forecastReach, paceNeeded, progress, remainingToTarget, yearShareGone } from "../domain/burn-down";
import { AGE_BUCKETS, rankByArea, yearStartDay, type DigestionFacts } from "../domain/digestion";
import { lapseLevel } from "../domain/lapse";
import { sortTowns } from "../domain/towns";
import { targetQuery } from "../targets/queries";
import * as q from "./queries";

// Rows of the digestion batch → the figures the page, the API and the CSV show (docs/PRODUCT.md §5, §9).

export type Ask = q.AsOfYear & { limit: number; cursor?: q.WorkCursor };

/** The page's reads, all in the authorize batch: one D1 round trip. */
export const digestionReads = (db: Db, a: Ask) =>
  [
    q.digestionFiguresQuery(db, a),
    q.stockByTownQuery(db, a.asOf),
    q.stockByBatchQuery(db, a.asOf),
    q.digestedByDayQuery(db, a),
    q.workListQuery(db, a.asOf, a.limit, a.cursor),
    targetQuery(db, a.year),
  ] as const;

type Results = BatchResponse<ReturnType<typeof digestionReads>>;

const tally = (count: number, m2: number) => ({ count, ...areaFields(m2) });
const stateOn = (p: { approvedOn: string; acquiredOn: string | null; reservedOn: string | null }, d: string) =>
  p.reservedOn !== null && p.reservedOn <= d
    ? "reserved"
    : p.acquiredOn !== null && p.acquiredOn <= d
      ? "acquired"
      : "approved";

// Batch id order, parcels without a batch last (as domain/digestion.ts stockByBatch).
const byBatchId = (a: { batchId: number | null }, b: { batchId: number | null }) =>
  a.batchId === b.batchId ? 0 : a.batchId === null ? 1 : b.batchId === null ? -1 : a.batchId - b.batchId;

type WorkRow = Results[4][number];

/** Work-list rows as shown: areas in every unit and the approval's lapse level on D. */
export const workItems = (rows: readonly WorkRow[], asOf: string) =>
  rows.map((p) => ({
    ...p,
    ...areaFields(p.areaM2),
    lapse: lapseLevel({ state: stateOn(p, asOf), approvedOn: p.approvedOn }, asOf),
  }));

export type WorkItem = ReturnType<typeof workItems>[number];

/** Everything shown for year Y as of D. */
export function shapeDigestion(a: Ask, [[f], towns, batchRows, days, work, [target]]: Results) {
  const targetM2 = (target as AnnualTarget | undefined)?.digestionM2 ?? null;
  // One fact per day a parcel left the stock: the burn-down only sums areas by date.
  const facts: DigestionFacts[] = days.map((d) => ({
    approvedOn: yearStartDay(a.year),
    suppliedOn: d.on,
    withdrawnOn: null,
    areaM2: d.areaM2,
    town: "",
    batchId: null,
  }));
  const byTown = sortTowns(towns.map((t) => t.town)).map((town) => {
    const t = towns.find((x) => x.town === town)!;
    return { town, ...tally(t.count, t.areaM2) };
  });
  const items = workItems(work.slice(0, a.limit), a.asOf);
  const last = items.at(-1);
  return {
    year: a.year,
    asOf: a.asOf,
    target: target
      ? {
          ...areaFields(target.digestionM2),
          startRatePct: target.startRatePct,
          completionRatePct: target.completionRatePct,
        }
      : null,
    stockAtYearStart: tally(f.startCount, f.startM2),
    digested: tally(f.digestedCount, f.digestedM2),
    stockNow: tally(f.nowCount, f.nowM2),
    remaining: targetM2 === null ? null : areaFields(remainingToTarget(f.digestedM2, targetM2)),
    progress: progress(f.digestedM2, targetM2),
    yearShareGone: yearShareGone(a.year, a.asOf),
    paceNeededM2PerWeek: targetM2 === null ? null : paceNeeded(f.digestedM2, targetM2, a.year, a.asOf),
    forecastOn: targetM2 === null ? null : forecastReach(facts, a.year, a.asOf, targetM2),
    burnDown: targetM2 === null ? [] : burnDown(facts, a.year, a.asOf, targetM2),
    byAge: AGE_BUCKETS.map((bucket, i) => ({ bucket, ...tally(f[`age${i}Count`], f[`age${i}M2`]) })),
    byTown,
    byTownRanked: rankByArea(byTown),
    byBatch: [...batchRows]
      .sort(byBatchId)
      .map((b) => ({ batchId: b.batchId, name: b.name, ...tally(b.count, b.areaM2) })),
    workList: { items, next: work.length > a.limit && last ? { approvedOn: last.approvedOn, id: last.id } : null },
  };
}

export type Digestion = ReturnType<typeof shapeDigestion>;
