import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { gatedBound } from "../db/gate";
import { batches, chainTotals, parcelEvents, parcels, users } from "../db/schema";

// The parcels feature's read API. Each query is a statement builder, so a handler can send it in the
// same D1 batch as the session lookup (http/authorize.ts); the *Page/*Of helpers shape the rows.
// Other features read parcels only through this file.
export { eventJson, parcelJson } from "./json";

export { parcelListReads, parcelListResult, type ParcelFilter, type ParcelListItem } from "./list-read";
import { withBatchName, type ParcelListItem } from "./list-read";

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
 * `actor` is a user id, or SQL giving one (the session's user, read in the same statement). `only`: the home
 * page's role gate: when false, the recording times have no range and no row is read (db/gate.ts). Walked newest
 * first, the range starts at its upper end, so the gate closes that end too.
 */
export const movesRecordedByQuery = (db: Db, actor: number | SQL, sinceAt: string, limit: number, only?: SQL) =>
  db
    // What the home page's item names (the parcel, the state and the day), no more: the actor is the reader.
    .select({
      parcelId: parcelEvents.parcelId,
      toState: parcelEvents.toState,
      on: parcelEvents.on,
      code: parcels.code,
    })
    .from(parcelEvents)
    .innerJoin(parcels, eq(parcels.id, parcelEvents.parcelId))
    .where(
      sql`${parcelEvents.recordedAt} >= ${gatedBound(sinceAt, only)}${only ? sql` AND ${parcelEvents.recordedAt} <= ${gatedBound("9999-12-31", only)}` : sql``} AND ${parcelEvents.actorId} = ${actor} AND ${parcelEvents.kind} = 'move'`,
    )
    .orderBy(desc(parcelEvents.recordedAt))
    .limit(limit);
