import { and, eq, sql } from "drizzle-orm";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import { parcels, type Parcel, type ParcelEvent } from "../db/schema";
import type { ParcelPatch } from "../domain/record";

/** The event a change appends; `version` and `parcelId` are filled in by `applyParcelChange`. */
export type NewEvent = Pick<
  ParcelEvent,
  "kind" | "fromState" | "toState" | "on" | "note" | "actorId" | "recordedAt"
> & {
  data: Record<string, unknown>;
  revertsEventId?: number | null;
  idempotencyKey?: string | null;
  requestHash?: string | null;
  response?: string | null;
};

/** The event INSERT that only happens if the statement before it changed exactly one row; it answers the new id. */
export function guardedEventInsert(parcelId: number, version: number, e: NewEvent) {
  return sql`INSERT INTO parcel_events
    (parcel_id, kind, from_state, to_state, "on", data, note, actor_id, recorded_at, version, reverts_event_id, idempotency_key, request_hash, response)
    SELECT ${parcelId}, ${e.kind}, ${e.fromState}, ${e.toState}, ${e.on}, ${JSON.stringify(e.data)}, ${e.note ?? null},
      ${e.actorId}, ${e.recordedAt}, ${version}, ${e.revertsEventId ?? null}, ${e.idempotencyKey ?? null},
      ${e.requestHash ?? null}, ${e.response ?? null}
    WHERE changes() = 1 RETURNING id`;
}

/**
 * Applies one change to a parcel atomically: the version-guarded UPDATE and its event in one D1
 * batch (chain_totals and batch_totals follow by trigger). Returns the new event's id, or null when
 * `parcel.version` is stale (nothing was written).
 */
export async function applyParcelChange(
  db: Db,
  parcel: Parcel,
  patch: ParcelPatch,
  event: NewEvent,
): Promise<number | null> {
  const [update, inserted] = await runBatch(db, [
    db
      .update(parcels)
      .set({ ...patch, version: sql`${parcels.version} + 1`, updatedAt: event.recordedAt })
      .where(and(eq(parcels.id, parcel.id), eq(parcels.version, parcel.version))),
    guardedEventInsert(parcel.id, parcel.version + 1, event),
  ]);
  // D1's meta.changes also counts rows that triggers wrote, so "took effect" is > 0: the UPDATE
  // names one row by id, and no row means the version was stale.
  if (update.meta.changes === 0) return null;
  const row = (inserted.results as { id: number }[])[0];
  return row ? row.id : null;
}
