import { and, asc, desc, eq, getTableColumns, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { batches, chainTotals, parcelEvents, parcels, users, type Parcel } from "../db/schema";

// The parcels feature's read API. Each query is a statement builder, so a handler can send it in the
// same D1 batch as the session lookup (http/authorize.ts); the *Page/*Of helpers shape the rows.
// Other features read parcels only through this file.
export { eventJson, parcelJson } from "./json";

export type ParcelFilter = {
  state?: string;
  town?: string;
  landUse?: string;
  batchId?: number;
  projectId?: number;
  q?: string;
};

/** LIKE with the user's %, _ and \ taken literally. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * D1 refuses a LIKE pattern over 50 bytes ("pattern too complex") with a 500. The longest pattern
 * built here is `%` + escaped q + `%`, so the escaped search may take 48 bytes of UTF-8.
 */
export const MAX_SEARCH_BYTES = 48;
export const searchFits = (q: string) => new TextEncoder().encode(likeEscape(q)).length <= MAX_SEARCH_BYTES;

export function filterWhere(f: ParcelFilter): SQL[] {
  const where: SQL[] = [];
  if (f.state) where.push(eq(parcels.state, f.state));
  if (f.town) where.push(eq(parcels.town, f.town));
  if (f.landUse) where.push(eq(parcels.landUse, f.landUse));
  if (f.batchId !== undefined) where.push(eq(parcels.batchId, f.batchId));
  if (f.projectId !== undefined) where.push(eq(parcels.projectId, f.projectId));
  if (f.q) {
    const q = likeEscape(f.q);
    where.push(
      or(sql`${parcels.code} LIKE ${q + "%"} ESCAPE '\\'`, sql`${parcels.name} LIKE ${"%" + q + "%"} ESCAPE '\\'`)!,
    );
  }
  return where;
}

// Aliased: in a batch D1 answers rows as objects, where the parcel's and the batch's "name" would collide.
export const withBatchName = {
  ...getTableColumns(parcels),
  batchName: sql<string | null>`${batches.name}`.as("batch_name"),
};

/** One page of parcels newest first, by keyset on id (`cursor` = the last id shown), plus one row to tell if more follow. */
export function parcelListQuery(db: Db, f: ParcelFilter, limit: number, cursor?: number) {
  const where = filterWhere(f);
  if (cursor !== undefined) where.push(lt(parcels.id, cursor));
  // The batch name rides along by primary key, so the list can name the batch (one index lookup a row).
  return db
    .select(withBatchName)
    .from(parcels)
    .leftJoin(batches, eq(batches.id, parcels.batchId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(parcels.id))
    .limit(limit + 1);
}

/** The page's rows and the cursor for the next page (null on the last). */
export function parcelListPage<R extends { id: number }>(rows: R[], limit: number) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

export type ParcelListItem = Parcel & { batchName: string | null };
/** A parcel with its batch's name. */
export type ParcelView = ParcelListItem;

/** One parcel with its batch's name (zero or one row). */
export const parcelQuery = (db: Db, id: number) =>
  db
    .select(withBatchName)
    .from(parcels)
    .leftJoin(batches, eq(batches.id, parcels.batchId))
    .where(eq(parcels.id, id))
    .limit(1);

/** A parcel's events, oldest first, each with the actor's username and name. */
export function parcelEventsQuery(db: Db, parcelId: number) {
  return db
    .select({
      id: parcelEvents.id,
      kind: parcelEvents.kind,
      fromState: parcelEvents.fromState,
      toState: parcelEvents.toState,
      on: parcelEvents.on,
      data: parcelEvents.data,
      note: parcelEvents.note,
      actorId: parcelEvents.actorId,
      actor: users.username,
      actorName: users.displayName,
      recordedAt: parcelEvents.recordedAt,
      version: parcelEvents.version,
      revertsEventId: parcelEvents.revertsEventId,
    })
    .from(parcelEvents)
    .innerJoin(users, eq(users.id, parcelEvents.actorId))
    .where(eq(parcelEvents.parcelId, parcelId))
    .orderBy(asc(parcelEvents.id));
}

export type ParcelEventView = Awaited<ReturnType<typeof parcelEventsQuery>>[number];

/** The event stored under an Idempotency-Key (zero or one row). */
export const idempotencyKeyQuery = (db: Db, key: string) =>
  db
    .select({
      actorId: parcelEvents.actorId,
      parcelId: parcelEvents.parcelId,
      requestHash: parcelEvents.requestHash,
      response: parcelEvents.response,
    })
    .from(parcelEvents)
    .where(eq(parcelEvents.idempotencyKey, key))
    .limit(1);

export type IdempotentAnswer = Awaited<ReturnType<typeof idempotencyKeyQuery>>[number];

/** Count and area per state, from the running totals (kept by triggers). */
export const chainTotalsQuery = (db: Db) => db.select().from(chainTotals);

// ——— As of a day, for the weekly review (docs/PRODUCT.md §8): reached-by-D is the row's x_on ≤ D ———

/**
 * The parcel's state on D, or NULL when it was not on the books yet: the latest step whose date is ≤ D;
 * else `planned` once registered (its registration day in Asia/Shanghai ≤ D). A row with a reserve date
 * but no approval was registered straight into the reserve on that date, so before it, it did not exist.
 */
export function stateAsOf(d: string) {
  return sql<string | null>`(CASE
    WHEN ${parcels.withdrawnOn} <= ${d} THEN 'withdrawn'
    WHEN ${parcels.completedOn} <= ${d} THEN 'completed'
    WHEN ${parcels.startedOn} <= ${d} THEN 'started'
    WHEN ${parcels.suppliedOn} <= ${d} THEN 'supplied'
    WHEN ${parcels.reservedOn} <= ${d} THEN 'reserved'
    WHEN ${parcels.acquiredOn} <= ${d} THEN 'acquired'
    WHEN ${parcels.approvedOn} <= ${d} THEN 'approved'
    WHEN ${parcels.approvedOn} IS NULL AND ${parcels.reservedOn} IS NOT NULL THEN NULL
    WHEN date(${parcels.createdAt}, '+8 hours') <= ${d} THEN 'planned'
    ELSE NULL END)`;
}

/** Count and area by (state on `end`, state on `before`): one pass over the parcels, a few dozen rows. */
export function chainAsOfQuery(db: Db, end: string, before: string) {
  return db
    .select({
      stateEnd: stateAsOf(end).as("state_end"),
      stateBefore: stateAsOf(before).as("state_before"),
      count: sql<number>`count(*)`,
      areaM2: sql<number>`sum(${parcels.areaM2})`,
    })
    .from(parcels)
    .groupBy(sql`state_end, state_before`);
}

// A move still in force: no correction reverts it.
const inForce = sql`NOT EXISTS (SELECT 1 FROM parcel_events c WHERE c.reverts_event_id = "parcel_events"."id")`;
const eventRow = {
  id: parcelEvents.id,
  parcelId: parcelEvents.parcelId,
  kind: parcelEvents.kind,
  fromState: parcelEvents.fromState,
  toState: parcelEvents.toState,
  on: parcelEvents.on,
  recordedAt: parcelEvents.recordedAt,
  code: parcels.code,
  town: parcels.town,
  areaM2: parcels.areaM2,
  actor: sql<string>`${users.displayName}`.as("actor_name"),
  reason: sql<string | null>`json_extract(${parcelEvents.data}, '$.reason')`.as("reason"),
  revertsOn: sql<
    string | null
  >`(SELECT r."on" FROM parcel_events r WHERE r.id = "parcel_events"."reverts_event_id")`.as("reverts_on"),
  revertsTo: sql<
    string | null
  >`(SELECT r.to_state FROM parcel_events r WHERE r.id = "parcel_events"."reverts_event_id")`.as("reverts_to"),
};

/** Moves in force dated from `from` to `to` (events_on_idx), by date then id; at most `limit`. */
export const movesDatedQuery = (db: Db, from: string, to: string, limit: number) =>
  db
    .select(eventRow)
    .from(parcelEvents)
    .innerJoin(parcels, eq(parcels.id, parcelEvents.parcelId))
    .innerJoin(users, eq(users.id, parcelEvents.actorId))
    .where(sql`${parcelEvents.on} BETWEEN ${from} AND ${to} AND ${parcelEvents.kind} = 'move' AND ${inForce}`)
    .orderBy(parcelEvents.on, parcelEvents.id)
    .limit(limit);

/**
 * Moves (in force) and corrections recorded in [fromAt, toAt) — instants — (events_recorded_idx), by id.
 * The review keeps the moves dated before the week (late entries) and every correction.
 */
export const eventsRecordedQuery = (db: Db, fromAt: string, toAt: string, beforeOn: string, limit: number) =>
  db
    .select(eventRow)
    .from(parcelEvents)
    .innerJoin(parcels, eq(parcels.id, parcelEvents.parcelId))
    .innerJoin(users, eq(users.id, parcelEvents.actorId))
    .where(
      sql`${parcelEvents.recordedAt} >= ${fromAt} AND ${parcelEvents.recordedAt} < ${toAt} AND (${parcelEvents.kind} = 'correction' OR (${parcelEvents.kind} = 'move' AND ${parcelEvents.on} < ${beforeOn} AND ${inForce}))`,
    )
    .orderBy(parcelEvents.id)
    .limit(limit);

export type WeekEventRow = Awaited<ReturnType<typeof movesDatedQuery>>[number];

/**
 * The moves (in force or not) one user recorded since an instant, newest first: the home page's "your moves".
 * `actor` is a user id, or SQL giving one (the session's user, read in the same statement).
 */
export const movesRecordedByQuery = (db: Db, actor: number | SQL, sinceAt: string, limit: number) =>
  db
    .select(eventRow)
    .from(parcelEvents)
    .innerJoin(parcels, eq(parcels.id, parcelEvents.parcelId))
    .innerJoin(users, eq(users.id, parcelEvents.actorId))
    .where(
      sql`${parcelEvents.recordedAt} >= ${sinceAt} AND ${parcelEvents.actorId} = ${actor} AND ${parcelEvents.kind} = 'move'`,
    )
    .orderBy(desc(parcelEvents.recordedAt))
    .limit(limit);
