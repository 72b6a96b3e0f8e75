import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";
import { batches, parcels } from "../db/schema";
import { yearCutoff, yearStartDay } from "../domain/digestion";
import { bucketRanges } from "./age";

// The digestion feature's read API (批而未供 docs/PRODUCT.md §5): statement builders for the authorize batch.
// As of D, "reached X by D" ⇔ the row's x_on is set and ≤ D (docs/ARCHITECTURE.md "As-of"), so every
// figure is SQL over the parcels' date columns; a property test checks it against a replay of the events.
// Sums run in SQL (integer m²) so a page reads a handful of rows whatever the size of the district.

const FAR = "9999-12-31";
// A parcel is in the stock on `d`: approved by d, neither supplied nor withdrawn by d.
const inStock = (d: string) =>
  sql`(${parcels.approvedOn} <= ${d} AND coalesce(${parcels.suppliedOn}, ${FAR}) > ${d} AND coalesce(${parcels.withdrawnOn}, ${FAR}) > ${d})`;
// The day it left the stock: the earlier of supply and withdrawal (a parcel has at most one of them).
const leftOn = sql`min(coalesce(${parcels.suppliedOn}, ${FAR}), coalesce(${parcels.withdrawnOn}, ${FAR}))`;

/** Each expression aliased by its key. */
export const named = <T extends Record<string, SQL<number>>>(cols: T) =>
  Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v.as(k)])) as { [K in keyof T]: SQL.Aliased<number> };

/** What the figures of year Y as of D compare against. */
export type AsOfYear = { year: number; asOf: string };

/** In Y's year-start stock and left it between 1 January of Y and D (31 December when D is later). */
function digestedCond({ year, asOf }: AsOfYear): SQL {
  return sql`(${inStock(yearStartDay(year))} AND ${leftOn} BETWEEN ${`${year}-01-01`} AND ${yearCutoff(year, asOf)})`;
}

// Every approval ever is a candidate; the covering index parcels_digestion_idx answers without the table.
const approvedBy = (d: string) => sql`${parcels.approvedOn} <= ${d}`;
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Stock at the start of Y, stock on D and digested in Y by D, plus the stock on D by age bucket: one row.
 * Each parcel's flags are worked out once in a subquery and summed outside, which keeps the statement
 * well under D1's 100 bound parameters.
 */
export function digestionFiguresQuery(db: Db, q: AsOfYear) {
  const start = yearStartDay(q.year);
  const p = db
    .select({
      areaM2: parcels.areaM2,
      approvedOn: sql<string>`${parcels.approvedOn}`.as("approved_on_"),
      inStart: sql<number>`${inStock(start)}`.as("in_start"),
      inNow: sql<number>`${inStock(q.asOf)}`.as("in_now"),
      leftOn: sql<string>`${leftOn}`.as("left_on"),
    })
    .from(parcels)
    .where(approvedBy(later(start, q.asOf)))
    .as("p");
  const sum = (cond: SQL) => ({
    count: sql<number>`coalesce(sum(${cond}), 0)`,
    m2: sql<number>`coalesce(sum((${cond}) * ${p.areaM2}), 0)`,
  });
  const digested = sql`${p.inStart} AND ${p.leftOn} BETWEEN ${`${q.year}-01-01`} AND ${yearCutoff(q.year, q.asOf)}`;
  const [a, b, c] = [sum(sql`${p.inStart}`), sum(sql`${p.inNow}`), sum(digested)];
  const cols: Record<string, SQL<number>> = {
    startCount: a.count,
    startM2: a.m2,
    nowCount: b.count,
    nowM2: b.m2,
    digestedCount: c.count,
    digestedM2: c.m2,
  };
  bucketRanges(q.asOf).forEach((r, i) => {
    const after = r.after === null ? sql`` : sql` AND ${p.approvedOn} > ${r.after}`;
    const t = sum(sql`${p.inNow} AND ${p.approvedOn} <= ${r.upTo}${after}`);
    cols[`age${i}Count`] = t.count;
    cols[`age${i}M2`] = t.m2;
  });
  // Named: D1 answers a batch's rows as objects, and unnamed sums with the same SQL text would collide.
  return db.select(named(cols)).from(p);
}

/** The stock on D by town (镇/街道): towns with stock only; the caller orders them (pinyin, ranked). */
export function stockByTownQuery(db: Db, asOf: string) {
  return (
    db
      .select({ town: parcels.town, count: sql<number>`count(*)`, areaM2: sql<number>`sum(${parcels.areaM2})` })
      .from(parcels)
      .where(sql`${approvedBy(asOf)} AND ${inStock(asOf)}`)
      // "+town": grouping by the bare column tempts SQLite to walk a town index over every parcel; the
      // unary plus keeps the range on approved_on (parcels_digestion_idx) and groups the stock rows only.
      .groupBy(sql`+${parcels.town}`)
  );
}

/** The stock on D by batch, with the batch's name, in no order (the caller sorts the few groups). */
export function stockByBatchQuery(db: Db, asOf: string) {
  return db
    .select({
      batchId: parcels.batchId,
      // Qualified by hand: drizzle leaves the columns of a one-table select unqualified.
      name: sql<string | null>`(SELECT b.name FROM ${batches} b WHERE b.id = "parcels"."batch_id")`,
      count: sql<number>`count(*)`,
      areaM2: sql<number>`sum(${parcels.areaM2})`,
    })
    .from(parcels)
    .where(sql`${approvedBy(asOf)} AND ${inStock(asOf)}`)
    .groupBy(sql`+${parcels.batchId}`);
}

/** Digested area of Y by the day each parcel left the stock (at most one row a day), for the burn-down. */
export function digestedByDayQuery(db: Db, q: AsOfYear) {
  return db
    .select({
      on: sql<string>`${leftOn}`.as("left_on"),
      count: sql<number>`count(*)`,
      areaM2: sql<number>`sum(${parcels.areaM2})`,
    })
    .from(parcels)
    .where(sql`${approvedBy(yearStartDay(q.year))} AND ${digestedCond(q)}`)
    .groupBy(sql`left_on`)
    .orderBy(sql`left_on`);
}

/** Keyset position in the work list: the approval date and id of the last row shown. */
export type WorkCursor = { approvedOn: string; id: number };

/** One page of the work list: the stock on D, oldest approval first (then id), plus one row to tell if more follow. */
export function workListQuery(db: Db, asOf: string, limit: number, cursor?: WorkCursor) {
  const after = cursor
    ? sql` AND (${parcels.approvedOn}, ${parcels.id}) > (${cursor.approvedOn}, ${cursor.id})`
    : sql``;
  return db
    .select({
      id: parcels.id,
      code: parcels.code,
      name: parcels.name,
      town: parcels.town,
      state: parcels.state,
      areaM2: parcels.areaM2,
      approvedOn: sql<string>`${parcels.approvedOn}`,
      acquiredOn: parcels.acquiredOn,
      reservedOn: parcels.reservedOn,
      batchId: parcels.batchId,
    })
    .from(parcels)
    .where(sql`${approvedBy(asOf)} AND ${inStock(asOf)}${after}`)
    .orderBy(parcels.approvedOn, parcels.id)
    .limit(limit + 1);
}

/** Digested in Y by D per town (the weekly review's ranking): towns with digestion only. */
export function digestedByTownQuery(db: Db, q: AsOfYear) {
  return db
    .select({ town: parcels.town, count: sql<number>`count(*)`, areaM2: sql<number>`sum(${parcels.areaM2})` })
    .from(parcels)
    .where(sql`${approvedBy(yearStartDay(q.year))} AND ${digestedCond(q)}`)
    .groupBy(sql`+${parcels.town}`);
}

/**
 * Parcels still `approved` on D (not acquired, reserved, supplied or withdrawn by D) approved between
 * `from` and `to`: the candidates for an approval-lapse warning (domain/lapse.ts decides), oldest first.
 */
export function approvedOnlyBetweenQuery(db: Db, asOf: string, from: string, to: string) {
  const notBy = (c: SQLWrapper) => sql`coalesce(${c}, ${FAR}) > ${asOf}`;
  return db
    .select({
      id: parcels.id,
      code: parcels.code,
      name: parcels.name,
      town: parcels.town,
      areaM2: parcels.areaM2,
      approvedOn: sql<string>`${parcels.approvedOn}`,
    })
    .from(parcels)
    .where(
      sql`${parcels.approvedOn} BETWEEN ${from} AND ${to} AND ${parcels.approvedOn} <= ${asOf} AND ${notBy(parcels.acquiredOn)} AND ${notBy(parcels.reservedOn)} AND ${notBy(parcels.suppliedOn)} AND ${notBy(parcels.withdrawnOn)}`,
    )
    .orderBy(parcels.approvedOn, parcels.id);
}
