import { and, asc, desc, eq, getTableColumns, sql, type AnyColumn, type SQL } from "drizzle-orm";
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

// The list page shows ten of a parcel's forty-odd columns: it reads just those (the API and the export read
// them all). Fewer columns are less for D1 to hand over and the Worker to decode, fifty rows a page.
export const listRowColumns = {
  id: parcels.id,
  code: parcels.code,
  name: parcels.name,
  town: parcels.town,
  landUse: parcels.landUse,
  areaM2: parcels.areaM2,
  state: parcels.state,
  approvedOn: parcels.approvedOn,
  batchId: parcels.batchId,
  batchName: withBatchName.batchName,
};
/** A row of the list page: views/parcels/rows.tsx is typed to it, so it cannot use a column the page did not read. */
export type ParcelListRow = Pick<ParcelListItem, keyof typeof listRowColumns>;

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

/** At most this many of a query's pieces are weighed for the rarest (each costs one lookup and two parameters). */
const MAX_WEIGHED = 6;

/** Up to MAX_WEIGHED pieces spread over the query, first and last included: any of them narrows as well as the rows are checked. */
function weighed(grams: string[]): string[] {
  if (grams.length <= MAX_WEIGHED) return grams;
  const step = (grams.length - 1) / (MAX_WEIGHED - 1);
  return [...new Set(Array.from({ length: MAX_WEIGHED }, (_, i) => grams[Math.round(i * step)]))];
}

/**
 * The search's rarest piece: each weighed piece's count (one primary-key lookup; 0 when no parcel
 * holds it, so nothing matches) zero-padded before the piece, and the least of them. With `atMost`,
 * NULL when even the rarest piece is held by no more than `atMost` parcels (see parcelListReads).
 */
const rarestGram = (grams: string[], atMost?: number) => {
  const ranked = weighed(grams).map(
    (g) => sql`printf('%08d', coalesce((SELECT gc."n" FROM "gram_counts" gc WHERE gc."gram" = ${g}), 0)) || ${g}`,
  );
  // min() with two or more arguments is the scalar least-of; with one it would be the aggregate.
  const least = ranked.length === 1 ? ranked[0] : sql`min(${sql.join(ranked, sql`, `)})`;
  if (atMost === undefined) return sql`substr(${least}, 9)`;
  return sql`(SELECT iif(substr(r."x", 1, 8) + 0 <= ${atMost}, NULL, substr(r."x", 9)) FROM (SELECT ${least} AS "x") r)`;
};

function searchWhere(plan: SearchPlan | null, atMost?: number): SQL[] {
  if (!plan) return [];
  if (plan.kind === "prefix") {
    // Every code starting with c lies in [c, c + U+10FFFF): a range on the code's unique index.
    const c = plan.start;
    return [sql`${parcels.code} >= ${c}`, sql`${parcels.code} < ${c + "\u{10FFFF}"}`];
  }
  const where = [sql`${parcelGrams.gram} = ${rarestGram(plan.grams, atMost)}`];
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

/** Where a page starts, as SQL over the key and id columns given: after (or before) the anchor row's key and id. */
function keyset(sort: SortKey, walk: SortDir, key: string | null, idCol: SQL | AnyColumn, anchorId: number): SQL {
  const cmp = sql.raw(walk === "asc" ? ">" : "<");
  return key === null
    ? sql`${idCol} ${cmp} ${anchorId}`
    : sql`(${sql.raw(key)}, ${idCol}) ${cmp} (SELECT ${sql.raw(sortKeySql(sort, "c")!)}, c."id" FROM "parcels" c WHERE c."id" = ${anchorId})`;
}

/** How a page is walked: its order, the direction it is read in (reversed for a previous page), its anchor. */
function walkOf(f: ParcelFilter, order: ListOrder, position: ListPosition) {
  const { sort, dir } = effectiveOrder(f, order);
  const walk: SortDir = (position.before !== undefined) === (dir === "desc") ? "asc" : "desc";
  return { sort, walk, by: walk === "asc" ? asc : desc, anchorId: position.before ?? position.after };
}

/**
 * The statements of one list page, sent in the session's batch: the page's rows in `order` by keyset
 * from `position` (plus one to tell if more follow; a previous page is read in reverse and turned
 * round by parcelListPage), and the count and area of every match.
 *
 * A search's first page that holds all its matches is its own total. Its count statement therefore
 * reads matches only when the rarest piece is held by more parcels than a page shows (otherwise it
 * reads just the pieces' counts), so a rare word costs about two rows read a match (issue 10's budget).
 */
export function parcelListReads(
  db: Db,
  f: ParcelFilter,
  order: ListOrder,
  limit: number,
  position: ListPosition = {},
  columns: "all" | "row" = "all",
) {
  const plan = f.q ? searchPlan(f.q) : null;
  const paged = position.after !== undefined || position.before !== undefined;
  return [
    parcelListQuery(db, f, order, limit, position, columns),
    plan?.kind === "grams" ? countQuery(db, f, plan, paged ? -1 : limit) : parcelTotalsQuery(db, f),
  ] as const;
}

/** One page of parcels in `order`, by keyset from `position`, plus one row to tell if more follow. */
export function parcelListQuery(
  db: Db,
  f: ParcelFilter,
  order: ListOrder,
  limit: number,
  position: ListPosition = {},
  columns: "all" | "row" = "all",
) {
  const plan = f.q ? searchPlan(f.q) : null;
  const { sort, walk, by, anchorId } = walkOf(f, order, position);
  const byGrams = plan?.kind === "grams";
  // With a search the pieces' table leads, in parcel id order, so newest-first pages stop early.
  const idCol = byGrams ? parcelGrams.parcelId : parcels.id;
  const key = sortKeySql(sort, `"parcels"`);
  const where = [...filterWhere(f), ...searchWhere(plan)];
  if (anchorId !== undefined) where.push(keyset(sort, walk, key, idCol, anchorId));
  // The batch name rides along by primary key, so the list can name the batch (one index lookup a row).
  // Typed as the whole row either way; the page's rows carry only listRowColumns (see ParcelListRow).
  const cols = (columns === "row" ? listRowColumns : withBatchName) as typeof withBatchName;
  const q = byGrams
    ? db
        .select(cols)
        .from(parcelGrams)
        .innerJoin(parcels, eq(parcels.id, parcelGrams.parcelId))
        .leftJoin(batches, eq(batches.id, parcels.batchId))
    : db.select(cols).from(parcels).leftJoin(batches, eq(batches.id, parcels.batchId));
  return q
    .where(where.length ? and(...where) : undefined)
    .orderBy(...(key === null ? [by(idCol)] : [by(sql.raw(key)), by(idCol)]))
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

/** A search's count and area, at most TOTAL_CAP + 1 matches read; none when its rarest piece is held by ≤ `atMost` parcels. */
function countQuery(db: Db, f: ParcelFilter, plan: SearchPlan, atMost: number) {
  const matches = db
    .select({ a: parcels.areaM2 })
    .from(parcelGrams)
    .innerJoin(parcels, eq(parcels.id, parcelGrams.parcelId))
    .where(and(...filterWhere(f), ...searchWhere(plan, atMost)))
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

/** Count and area of the filters' matches: one row of parcel_tallies (no search, no project). */
function tallyQuery(db: Db, f: ParcelFilter) {
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

/**
 * Count and area of every parcel the filters match (a search by pieces carries its own). Without a
 * search or a project this is one row of parcel_tallies; a one-character search or a project counts
 * its matches, at most TOTAL_CAP + 1 of them.
 */
function parcelTotalsQuery(db: Db, f: ParcelFilter) {
  const plan = f.q ? searchPlan(f.q) : null;
  if (!plan && f.projectId === undefined) return tallyQuery(db, f);
  const where = and(...filterWhere(f), ...searchWhere(plan));
  const matches = db
    .select({ a: parcels.areaM2 })
    .from(parcels)
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

type TotalsRow = { count: number; areaM2: number; capped: number };

/** The answer to parcelListReads' statements: the page, its cursors, and the totals of every match. */
export function parcelListResult(
  [rows, totals]: readonly [ParcelListItem[], TotalsRow[]],
  f: ParcelFilter,
  limit: number,
  position: ListPosition,
) {
  const page = parcelListPage(rows, limit, position);
  const whole = position.after === undefined && position.before === undefined && rows.length <= limit;
  // A search's first page holding all its matches is its own total (its count statement read nothing).
  if (whole && f.q && searchPlan(f.q)?.kind === "grams") {
    const areaM2 = rows.reduce((sum, p) => sum + p.areaM2, 0);
    return { ...page, totals: { count: rows.length, areaM2, capped: false } };
  }
  const r = totals[0] ?? { count: 0, areaM2: 0, capped: 0 };
  return { ...page, totals: { count: Number(r.count), areaM2: Number(r.areaM2), capped: Boolean(r.capped) } };
}
