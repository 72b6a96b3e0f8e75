import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
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
