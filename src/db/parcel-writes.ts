import { eq, and, sql } from "drizzle-orm";
import { runBatch } from "./batch";
import type { Db } from "./client";
import { chainTotals, parcels, type Parcel, type ParcelEvent } from "./schema";
import type { ParcelPatch } from "../domain/record";

/** The event a change appends; `version` and `parcelId` are filled in by `applyParcelChange`. */
export type NewEvent = Pick<ParcelEvent, "kind" | "fromState" | "toState" | "on" | "note" | "actorId" | "recordedAt"> & {
  data: Record<string, unknown>;
  revertsEventId?: number | null;
  idempotencyKey?: string | null;
  response?: string | null;
};

/**
 * Statements moving a parcel's weight in the chain totals, each running only if the statement
 * before it changed a row — so they take effect exactly when the guarded parcel UPDATE did.
 */
export function totalsStatements(db: Db, before: { state: string; areaM2: number }, after: { state: string; areaM2: number }) {
  if (before.state === after.state && before.areaM2 === after.areaM2) return [];
  const adjust = (state: string, count: number, area: number) =>
    db
      .update(chainTotals)
      .set({ count: sql`${chainTotals.count} + ${count}`, areaM2: sql`${chainTotals.areaM2} + ${area}` })
      .where(and(eq(chainTotals.state, state), sql`(SELECT changes()) = 1`));
  return [adjust(before.state, -1, -before.areaM2), adjust(after.state, 1, after.areaM2)];
}

/** The event INSERT that only happens if the statement before it changed exactly one row. */
export function guardedEventInsert(db: Db, parcelId: number, version: number, e: NewEvent) {
  return sql`INSERT INTO parcel_events
    (parcel_id, kind, from_state, to_state, "on", data, note, actor_id, recorded_at, version, reverts_event_id, idempotency_key, response)
    SELECT ${parcelId}, ${e.kind}, ${e.fromState}, ${e.toState}, ${e.on}, ${JSON.stringify(e.data)}, ${e.note ?? null},
      ${e.actorId}, ${e.recordedAt}, ${version}, ${e.revertsEventId ?? null}, ${e.idempotencyKey ?? null}, ${e.response ?? null}
    WHERE changes() = 1`;
}

/**
 * Applies one change to a parcel atomically: the version-guarded UPDATE, its event and the chain
 * totals in one D1 batch. Returns false when `parcel.version` is stale (nothing was written).
 */
export async function applyParcelChange(db: Db, parcel: Parcel, patch: ParcelPatch, event: NewEvent): Promise<boolean> {
  const next = { ...parcel, ...patch };
  const [update] = await runBatch(db, [
    db
      .update(parcels)
      .set({ ...patch, version: sql`${parcels.version} + 1`, updatedAt: event.recordedAt })
      .where(and(eq(parcels.id, parcel.id), eq(parcels.version, parcel.version))),
    guardedEventInsert(db, parcel.id, parcel.version + 1, event),
    ...totalsStatements(db, parcel, next),
  ]);
  // D1's meta.changes also counts rows that triggers wrote (batch_totals), so "took effect" is > 0:
  // the UPDATE names one row by id, and no row means the version was stale.
  return update.meta.changes > 0;
}
