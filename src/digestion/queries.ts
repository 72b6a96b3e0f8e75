import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";
import { gatedBound } from "../db/gate";
import { batches, digestionStock as ds, parcels } from "../db/schema";
import { yearCutoff, yearStartDay } from "../domain/digestion";
import { bucketRanges } from "./age";

// The digestion feature's read API (批而未供 docs/PRODUCT.md §5): statement builders for the authorize batch.
// As of D, "reached X by D" ⇔ the row's x_on is set and ≤ D (docs/ARCHITECTURE.md "As-of"), so a parcel is in
// the stock on D ⇔ approved_on ≤ D < left_on, left_on being the earlier of its supply and withdrawal. The
// figures read digestion_stock (approvals grouped by left_on, approved_on, town, batch; kept by triggers on
// parcels), and only the groups that left after D: the present stock and what left since. The work list reads
// parcels on parcels_stock_idx (left_on expression, approved_on). A property test checks all of it against a
// replay of the events.

// Inlined, never bound: parcels_stock_idx is on this very expression, and a bound '?' would not match it.
const FAR = sql.raw("'9999-12-31'");
/** The day a parcel left the stock, as parcels_stock_idx (migration 0019) spells it; FAR while still in it. */
const leftOn = sql`min(coalesce(${parcels.suppliedOn}, ${FAR}), coalesce(${parcels.withdrawnOn}, ${FAR}))`;

/** Each expression aliased by its key. */
export const named = <T extends Record<string, SQL<number>>>(cols: T) =>
  Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v.as(k)])) as { [K in keyof T]: SQL.Aliased<number> };

/** What the figures of year Y as of D compare against. */
export type AsOfYear = { year: number; asOf: string };

const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);
// The groups in the stock on d.
const groupInStock = (d: string) => sql`${ds.approvedOn} <= ${d} AND ${ds.leftOn} > ${d}`;

/**
 * Stock at the start of Y, stock on D and digested in Y by D, plus the stock on D by age bucket: one row.
 * Every figure needs left_on after the year start or after D, so the primary key's range on left_on reads
 * only those groups. Each group's flags are worked out once in a subquery and summed outside, which keeps
 * the statement well under D1's 100 bound parameters.
 */
export function digestionFiguresQuery(db: Db, q: AsOfYear) {
  const start = yearStartDay(q.year);
  const p = db
    .select({
      n: sql<number>`${ds.count}`.as("n"),
      m2: sql<number>`${ds.areaM2}`.as("m2"),
      approvedOn: sql<string>`${ds.approvedOn}`.as("approved_on_"),
      inStart: sql<number>`${groupInStock(start)}`.as("in_start"),
      inNow: sql<number>`${groupInStock(q.asOf)}`.as("in_now"),
      leftOn: sql<string>`${ds.leftOn}`.as("left_on_"),
    })
    .from(ds)
    .where(sql`${ds.leftOn} > ${earlier(start, q.asOf)} AND ${ds.approvedOn} <= ${later(start, q.asOf)}`)
    .as("p");
  const sum = (cond: SQL) => ({
    count: sql<number>`coalesce(sum((${cond}) * ${p.n}), 0)`,
    m2: sql<number>`coalesce(sum((${cond}) * ${p.m2}), 0)`,
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
      .select({ town: ds.town, count: sql<number>`sum(${ds.count})`, areaM2: sql<number>`sum(${ds.areaM2})` })
      .from(ds)
      .where(groupInStock(asOf))
      // "+town": keeps the range on left_on (the primary key) rather than walking every group in town order.
      .groupBy(sql`+${ds.town}`)
  );
}

/** The stock on D by batch, with the batch's name, in no order (the caller sorts the few groups). */
export function stockByBatchQuery(db: Db, asOf: string) {
  return db
    .select({
      batchId: sql<number | null>`nullif(${ds.batchId}, 0)`.as("batch_id_"),
      // Qualified by hand: drizzle leaves the columns of a one-table select unqualified.
      name: sql<string | null>`(SELECT b.name FROM ${batches} b WHERE b.id = "digestion_stock"."batch_id")`,
      count: sql<number>`sum(${ds.count})`,
      areaM2: sql<number>`sum(${ds.areaM2})`,
    })
    .from(ds)
    .where(groupInStock(asOf))
    .groupBy(sql`+${ds.batchId}`);
}

/** Digested area of Y by the day each parcel left the stock (at most one row a day), for the burn-down. */
export function digestedByDayQuery(db: Db, q: AsOfYear) {
  // In the year-start stock (approved by 31 Dec of Y−1; left_on ≥ 1 Jan is after it) and left by the cut-off.
  return db
    .select({
      on: ds.leftOn,
      count: sql<number>`sum(${ds.count})`,
      areaM2: sql<number>`sum(${ds.areaM2})`,
    })
    .from(ds)
    .where(
      sql`${ds.leftOn} BETWEEN ${`${q.year}-01-01`} AND ${yearCutoff(q.year, q.asOf)} AND ${ds.approvedOn} <= ${yearStartDay(q.year)}`,
    )
    .groupBy(ds.leftOn)
    .orderBy(ds.leftOn);
}

/** Keyset position in the work list: the approval date and id of the last row shown. */
export type WorkCursor = { approvedOn: string; id: number };

const workColumns = {
  id: parcels.id,
  code: parcels.code,
  name: parcels.name,
  town: parcels.town,
  state: parcels.state,
  areaM2: parcels.areaM2,
  approvedOn: sql<string>`${parcels.approvedOn}`.as("approved_on"),
  acquiredOn: parcels.acquiredOn,
  reservedOn: parcels.reservedOn,
  batchId: parcels.batchId,
};

/**
 * One page of the work list: the stock on D, oldest approval first (then id), plus one row to tell if more follow.
 * Two arms merged in order on parcels_stock_idx: the parcels still in the stock today (left_on = FAR), walked in
 * (approved_on, id) order so the page stops after limit + 1 rows; and those that left it after D, the only rows
 * sorted — none when D is today, and for a past D as many as left the stock since. ("+approved_on" keeps the
 * second arm on its left_on range rather than a walk of every approval.)
 */
export function workListQuery(db: Db, asOf: string, limit: number, cursor?: WorkCursor) {
  const after = (col: SQL) =>
    cursor ? sql` AND (${col}, ${parcels.id}) > (${cursor.approvedOn}, ${cursor.id})` : sql``;
  const approved = sql`${parcels.approvedOn}`;
  const unary = sql`+${parcels.approvedOn}`;
  const open = db
    .select(workColumns)
    .from(parcels)
    .where(sql`${leftOn} = ${FAR} AND ${approved} <= ${asOf}${after(approved)}`);
  const leftAfter = db
    .select(workColumns)
    .from(parcels)
    .where(sql`${leftOn} > ${asOf} AND ${leftOn} < ${FAR} AND ${unary} <= ${asOf}${after(unary)}`);
  return open
    .unionAll(leftAfter)
    .orderBy(sql`approved_on`, sql`id`)
    .limit(limit + 1);
}

/**
 * Digested in Y by D per town (the weekly review's ranking): towns with digestion only. The groups of the
 * year-start stock that left between 1 January and D, read on digestion_stock's left_on range.
 */
export function digestedByTownQuery(db: Db, q: AsOfYear) {
  const start = yearStartDay(q.year);
  return db
    .select({ town: ds.town, count: sql<number>`sum(${ds.count})`, areaM2: sql<number>`sum(${ds.areaM2})` })
    .from(ds)
    .where(sql`${groupInStock(start)} AND ${ds.leftOn} BETWEEN ${`${q.year}-01-01`} AND ${yearCutoff(q.year, q.asOf)}`)
    .groupBy(ds.town);
}

/**
 * Parcels still `approved` on D (not acquired, reserved, supplied or withdrawn by D) approved between
 * `from` and `to`: the candidates for an approval-lapse warning (domain/lapse.ts decides), oldest first.
 * `only`: the home page's role gate: when false, the range has no first day and reads no row (db/gate.ts).
 */
export function approvedOnlyBetweenQuery(db: Db, asOf: string, from: string, to: string, only?: SQL) {
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
      sql`${parcels.approvedOn} BETWEEN ${gatedBound(from, only)} AND ${to} AND ${parcels.approvedOn} <= ${asOf} AND ${notBy(parcels.acquiredOn)} AND ${notBy(parcels.reservedOn)} AND ${notBy(parcels.suppliedOn)} AND ${notBy(parcels.withdrawnOn)}`,
    )
    .orderBy(parcels.approvedOn, parcels.id);
}
