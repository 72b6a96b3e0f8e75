import { and, asc, desc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { batches, parcelGrams, parcels, parcelTallies, type Parcel } from "../db/schema";
import { searchPlan, type SearchPlan } from "../domain/search";
import { DEFAULT_DIR, sortKeySql, type SortDir, type SortKey } from "./list-sort";

// The parcel list (issue 10): filters, search, sorts with keyset paging both ways, and the matching
// count and area. Every statement here is planned on an index (tests/integration/query-plans.test.ts).

export type ParcelFilter = {
  state?: string;
  town?: string;
  landUse?: string;
  batchId?: number;
  /** A batch by its name (名称), as officers know it. */
  batch?: string;
  projectId?: number;
  /** Approval year, "2023". */
  year?: string;
  q?: string;
};

export type ListOrder = { sort: SortKey; dir: SortDir };
export const DEFAULT_ORDER: ListOrder = { sort: "id", dir: "desc" };
/** Where a page starts: after the row `after` (next) or before the row `before` (previous). */
export type ListPosition = { after?: number; before?: number };

/** A search may match more than this: the count then says "more than", and no area is summed. */
export const TOTAL_CAP = 5000;

// Every computed column is aliased: in a batch D1 answers rows as objects, where the parcel's and the batch's "name" would collide.
export const withBatchName = {
  ...getTableColumns(parcels),
  batchName: sql<string | null>`${batches.name}`.as("batch_name"),
};

export type ParcelListItem = Parcel & { batchName: string | null };

// A batch by its name (batches_name_idx). Names are unique in practice; should two batches share one,
// the first registered is meant, so the list stays in one index's order (one batch's parcels by id).
const batchNamed = (name: string) => sql`(SELECT min(b2."id") FROM "batches" b2 WHERE b2."name" = ${name})`;

function filterWhere(f: ParcelFilter): SQL[] {
  const where: SQL[] = [];
  if (f.state) where.push(eq(parcels.state, f.state));
  if (f.town) where.push(eq(parcels.town, f.town));
  if (f.landUse) where.push(eq(parcels.landUse, f.landUse));
  if (f.batchId !== undefined) where.push(eq(parcels.batchId, f.batchId));
  if (f.batch) where.push(sql`${parcels.batchId} = ${batchNamed(f.batch)}`);
  if (f.projectId !== undefined) where.push(eq(parcels.projectId, f.projectId));
  if (f.year) where.push(sql`substr(${parcels.approvedOn}, 1, 4) = ${f.year}`);
  return where;
}

// The search's rarest piece: a piece no parcel holds sorts first (count 0), so such a search reads nothing.
const rarestGram = (grams: string[]) =>
  sql`(SELECT j.value FROM json_each(${JSON.stringify(grams)}) j LEFT JOIN "gram_counts" gc ON gc."gram" = j.value ORDER BY coalesce(gc."n", 0), j.value LIMIT 1)`;

function searchWhere(plan: SearchPlan | null): SQL[] {
  if (!plan) return [];
  if (plan.kind === "prefix") {
    // Every code starting with c lies in [c, c + U+10FFFF): a range on the code's unique index.
    const c = plan.start;
    return [sql`${parcels.code} >= ${c}`, sql`${parcels.code} < ${c + "\u{10FFFF}"}`];
  }
  const where = [sql`${parcelGrams.gram} = ${rarestGram(plan.grams)}`];
  const n = plan.needle;
  if (plan.verify)
    where.push(
      sql`(instr(lower(${parcels.code}), ${n}) > 0 OR instr(lower(${parcels.name}), ${n}) > 0 OR instr(lower(coalesce(${parcels.landUser}, '')), ${n}) > 0)`,
    );
  return where;
}

/** The order actually used: a one-character search matches code starts, so it lists in code order. */
export function effectiveOrder(f: ParcelFilter, order: ListOrder): ListOrder {
  const plan = f.q ? searchPlan(f.q) : null;
  if (plan?.kind === "prefix" && order.sort !== "code") return { sort: "code", dir: DEFAULT_DIR.code };
  return order;
}

/**
 * One page of parcels in `order`, by keyset from `position`, plus one row to tell if more follow.
 * A previous page (`before`) is read in reverse order; parcelListPage turns it round.
 */
export function parcelListQuery(db: Db, f: ParcelFilter, order: ListOrder, limit: number, position: ListPosition = {}) {
  const plan = f.q ? searchPlan(f.q) : null;
  const { sort, dir } = effectiveOrder(f, order);
  const byGrams = plan?.kind === "grams";
  // With a search the pieces' table leads, in parcel id order, so newest-first pages stop early.
  const idCol = byGrams ? parcelGrams.parcelId : parcels.id;
  const key = sortKeySql(sort, `"parcels"`);
  const reverse = position.before !== undefined;
  const walk: SortDir = reverse === (dir === "desc") ? "asc" : "desc";
  const by = walk === "asc" ? asc : desc;
  const where = [...filterWhere(f), ...searchWhere(plan)];
  const anchorId = position.before ?? position.after;
  if (anchorId !== undefined) {
    const cmp = sql.raw(walk === "asc" ? ">" : "<");
    where.push(
      key === null
        ? sql`${idCol} ${cmp} ${anchorId}`
        : sql`(${sql.raw(key)}, ${idCol}) ${cmp} (SELECT ${sql.raw(sortKeySql(sort, "c")!)}, c."id" FROM "parcels" c WHERE c."id" = ${anchorId})`,
    );
  }
  const orderBy = key === null ? [by(idCol)] : [by(sql.raw(key)), by(idCol)];
  const cond = where.length ? and(...where) : undefined;
  // The batch name rides along by primary key, so the list can name the batch (one index lookup a row).
  const q = byGrams
    ? db
        .select(withBatchName)
        .from(parcelGrams)
        .innerJoin(parcels, eq(parcels.id, parcelGrams.parcelId))
        .leftJoin(batches, eq(batches.id, parcels.batchId))
    : db.select(withBatchName).from(parcels).leftJoin(batches, eq(batches.id, parcels.batchId));
  return q
    .where(cond)
    .orderBy(...orderBy)
    .limit(limit + 1);
}

/** The page's rows in order, and the cursors for the next and previous pages (null where there is none). */
export function parcelListPage<R extends { id: number }>(rows: R[], limit: number, position: ListPosition = {}) {
  const more = rows.length > limit;
  if (position.before !== undefined) {
    const items = rows.slice(0, limit).reverse();
    return {
      items,
      prevCursor: more ? items[0].id : null,
      nextCursor: items.length ? items[items.length - 1].id : null,
    };
  }
  const items = rows.slice(0, limit);
  return {
    items,
    prevCursor: position.after !== undefined && items.length ? items[0].id : null,
    nextCursor: more ? items[items.length - 1].id : null,
  };
}

/**
 * Count and area of every parcel the filters match. Without a search or a project this is one row of
 * parcel_tallies; a search or a project counts its matches, at most TOTAL_CAP + 1 of them.
 */
export function parcelTotalsQuery(db: Db, f: ParcelFilter) {
  const plan = f.q ? searchPlan(f.q) : null;
  if (!plan && f.projectId === undefined) {
    const t = parcelTallies;
    const batch: SQL[] = [];
    if (f.batchId !== undefined) batch.push(eq(t.batchKey, f.batchId));
    if (f.batch) batch.push(sql`${t.batchKey} = ${batchNamed(f.batch)}`);
    if (!batch.length) batch.push(eq(t.batchKey, -1));
    return db
      .select({
        count: sql<number>`coalesce(sum(${t.count}), 0)`.as("total_count"),
        areaM2: sql<number>`coalesce(sum(${t.areaM2}), 0)`.as("total_m2"),
        capped: sql<number>`0`.as("capped"),
      })
      .from(t)
      .where(
        and(
          eq(t.state, f.state ?? "*"),
          eq(t.town, f.town ?? "*"),
          eq(t.landUse, f.landUse ?? "*"),
          ...batch,
          eq(t.approvalYear, f.year ?? "*"),
        ),
      );
  }
  const where = and(...filterWhere(f), ...searchWhere(plan));
  const matches = (
    plan?.kind === "grams"
      ? db.select({ a: parcels.areaM2 }).from(parcelGrams).innerJoin(parcels, eq(parcels.id, parcelGrams.parcelId))
      : db.select({ a: parcels.areaM2 }).from(parcels)
  )
    .where(where)
    .limit(TOTAL_CAP + 1)
    .as("m");
  return db
    .select({
      count: sql<number>`min(count(*), ${TOTAL_CAP})`.as("total_count"),
      areaM2: sql<number>`coalesce(sum(${matches.a}), 0)`.as("total_m2"),
      capped: sql<number>`count(*) > ${TOTAL_CAP}`.as("capped"),
    })
    .from(matches);
}

export type ListTotals = { count: number; areaM2: number; capped: boolean };

/** The totals row as shown: a count beyond the cap is "more than TOTAL_CAP". */
export function totalsOf(rows: { count: number; areaM2: number; capped: number }[]): ListTotals {
  const r = rows[0] ?? { count: 0, areaM2: 0, capped: 0 };
  return { count: Number(r.count), areaM2: Number(r.areaM2), capped: Boolean(r.capped) };
}
