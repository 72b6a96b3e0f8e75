import { and, asc, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { BatchKind } from "../domain/batches";
import type { Db } from "../db/client";
import { containsText } from "../db/contains";

// The batches feature's read API: statement builders (sent in the authorize batch) and row shapers.
import { batches, batchTotals, parcels, type Batch, type BatchTotals } from "../db/schema";

/** A batch with its running figures (batch_totals, kept by triggers on parcels). */
export type BatchWithTotals = { batch: Batch; totals: BatchTotals };

export const BATCH_SORTS = ["approvedOn", "approved", "supplied", "withdrawn", "unsupplied", "rate"] as const;
export type BatchSort = (typeof BATCH_SORTS)[number];
export type BatchListFilter = { kind?: BatchKind; year?: number };
/** Keyset position: the sort value and id of the last row shown. */
export type BatchCursor = { value: string | number; id: number };

// The supply rate of docs/PRODUCT.md §4 in SQL, for ordering; a batch with nothing to supply sorts as -1.
const rateExpr = sql`(CASE WHEN ${batchTotals.approvedM2} - ${batchTotals.withdrawnM2} > 0
  THEN CAST(${batchTotals.suppliedM2} AS REAL) / (${batchTotals.approvedM2} - ${batchTotals.withdrawnM2}) ELSE -1 END)`;

const SORT_EXPR: Record<BatchSort, SQL> = {
  // Not yet approved sorts as the far future, so newest-first puts the batches awaiting approval on top.
  approvedOn: sql`coalesce(${batches.approvedOn}, '9999-12-31')`,
  approved: sql`${batchTotals.approvedM2}`,
  supplied: sql`${batchTotals.suppliedM2}`,
  withdrawn: sql`${batchTotals.withdrawnM2}`,
  unsupplied: sql`${batchTotals.unsuppliedM2}`,
  rate: rateExpr,
};

/** The batch's sort value, as the cursor must carry it. */
export function sortValue(row: BatchWithTotals, sort: BatchSort): string | number {
  const t = row.totals;
  switch (sort) {
    case "approvedOn":
      return row.batch.approvedOn ?? "9999-12-31";
    case "rate":
      return t.approvedM2 - t.withdrawnM2 > 0 ? t.suppliedM2 / (t.approvedM2 - t.withdrawnM2) : -1;
    default:
      return t[`${sort}M2`];
  }
}

/** One page of batches with their figures, by keyset on (sort value, id), plus one row to tell if more follow. */
export function batchListQuery(
  db: Db,
  f: BatchListFilter,
  sort: BatchSort,
  dir: "asc" | "desc",
  limit: number,
  cursor?: BatchCursor,
) {
  const expr = SORT_EXPR[sort];
  const where: SQL[] = [];
  if (f.kind) where.push(eq(batches.kind, f.kind));
  if (f.year !== undefined)
    where.push(gte(batches.approvedOn, `${f.year}-01-01`), lte(batches.approvedOn, `${f.year}-12-31`));
  if (cursor)
    where.push(
      dir === "desc"
        ? sql`(${expr}, ${batches.id}) < (${cursor.value}, ${cursor.id})`
        : sql`(${expr}, ${batches.id}) > (${cursor.value}, ${cursor.id})`,
    );
  const order = dir === "desc" ? [desc(expr), desc(batches.id)] : [asc(expr), asc(batches.id)];
  return db
    .select({ batch: batches, totals: batchTotals })
    .from(batches)
    .innerJoin(batchTotals, eq(batchTotals.batchId, batches.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...order)
    .limit(limit + 1);
}

/** The page's batches and the keyset position after the last (null on the last page). */
export function batchListPage(rows: BatchWithTotals[], limit: number, sort: BatchSort) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? { value: sortValue(last, sort), id: last.batch.id } : null };
}

/** One batch with its figures (zero or one row). */
export const batchQuery = (db: Db, id: number) =>
  db
    .select({ batch: batches, totals: batchTotals })
    .from(batches)
    .innerJoin(batchTotals, eq(batchTotals.batchId, batches.id))
    .where(eq(batches.id, id))
    .limit(1);

/** The batch's parcels in registration order (index parcels (batch_id, id)). */
export const batchParcelsQuery = (db: Db, batchId: number) =>
  db.select().from(parcels).where(eq(parcels.batchId, batchId)).orderBy(asc(parcels.id));

/** Summed figures of the batches approved between `from` and `to` (the benchmark window; one row). */
export const approvedBetweenSumsQuery = (db: Db, from: string, to: string) =>
  db
    .select({
      batchCount: sql<number>`count(*)`,
      approvedM2: sql<number>`coalesce(sum(${batchTotals.approvedM2}), 0)`,
      suppliedM2: sql<number>`coalesce(sum(${batchTotals.suppliedM2}), 0)`,
      withdrawnM2: sql<number>`coalesce(sum(${batchTotals.withdrawnM2}), 0)`,
      unsuppliedM2: sql<number>`coalesce(sum(${batchTotals.unsuppliedM2}), 0)`,
    })
    .from(batches)
    .innerJoin(batchTotals, eq(batchTotals.batchId, batches.id))
    .where(and(gte(batches.approvedOn, from), lte(batches.approvedOn, to)));

/** The earliest approval date (one row from the index on approved_on); see `yearOf`. */
export const firstApprovalQuery = (db: Db) =>
  db.select({ first: sql<string | null>`min(${batches.approvedOn})` }).from(batches);
/** The year of the earliest approval, or null with no approved batch. */
export const firstYearOf = (rows: { first: string | null }[]) =>
  rows[0]?.first ? Number(rows[0].first.slice(0, 4)) : null;

/**
 * Batches to choose from when placing a parcel, in the list's order — unapproved on top, then newest approval
 * (index batches_newest_idx, so the newest `limit` are `limit` rows) — whose name holds `search` (every one for "").
 * Limit 0 reads none.
 */
export const batchChoicesQuery = (db: Db, search: string, limit: number) =>
  db
    .select({ id: batches.id, name: batches.name })
    .from(batches)
    .where(search ? containsText(batches.name, search) : undefined)
    .orderBy(desc(SORT_EXPR.approvedOn), desc(batches.id))
    .limit(limit);
/** The chosen batch by id, kept in the picker whatever the search (zero or one row; none for null). */
export const batchChoiceQuery = (db: Db, id: number | null) =>
  db
    .select({ id: batches.id, name: batches.name })
    .from(batches)
    .where(eq(batches.id, id ?? 0))
    .limit(id === null ? 0 : 1);

/** Inserts a batch; its batch_totals row is created by a trigger. Answers it with its figures. */
export async function insertBatch(db: Db, values: typeof batches.$inferInsert): Promise<BatchWithTotals> {
  // One round trip: the read after the insert names it by last_insert_rowid(), which the trigger's own
  // insert into batch_totals does not change once the trigger has run (SQLite restores it).
  const [, [row]] = await db.batch([
    db.insert(batches).values(values),
    db
      .select({ batch: batches, totals: batchTotals })
      .from(batches)
      .innerJoin(batchTotals, eq(batchTotals.batchId, batches.id))
      .where(eq(batches.id, sql`last_insert_rowid()`)),
  ]);
  return row;
}
