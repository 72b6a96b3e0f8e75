import { and, eq, sql } from "drizzle-orm";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import { parcels, type Batch } from "../db/schema";

/** What the approval knew about each planned parcel when it read them. */
export type PlannedParcel = { id: number; version: number; areaM2: number; lastMovedOn: string | null };

/** The batch's parcels still `planned` (index parcels (batch_id, state)). */
export function plannedParcelsQuery(db: Db, batchId: number) {
  return db
    .select({ id: parcels.id, version: parcels.version, areaM2: parcels.areaM2, lastMovedOn: parcels.lastMovedOn })
    .from(parcels)
    .where(and(eq(parcels.batchId, batchId), eq(parcels.state, "planned")));
}

export type Approval = { docNo: string; date: string; actorId: number; now: string };

// A statement that fails — and so rolls back the whole D1 batch — when `condition` holds (see write_guards).
const guard = (condition: ReturnType<typeof sql>) => sql`INSERT INTO write_guards (ok) SELECT 0 WHERE ${condition}`;

/**
 * Approves a batch (docs/PRODUCT.md §3 "Bulk"): every parcel in `planned` moves to `approved` with its own
 * `move` event, the running totals follow by trigger, and the batch records its document — in ONE D1 batch,
 * all or none. Set-based, so the statement count and bound parameters do not grow with the batch:
 * the parcels and versions read beforehand travel as one JSON parameter. Guards abort everything
 * when the batch row changed, when any of those parcels is no longer at its version or state, or
 * when a planned parcel joined the batch meanwhile. Returns false when a guard fired.
 */
export async function approveBatchWrite(db: Db, batch: Batch, planned: PlannedParcel[], a: Approval): Promise<boolean> {
  const seen = JSON.stringify(planned.map((p) => [p.id, p.version]));
  const count = planned.length;
  const data = sql`json_object('docNo', ${a.docNo}, 'batchId', ${batch.id})`;
  try {
    await runBatch(db, [
      sql`UPDATE batches SET doc_no = ${a.docNo}, approved_on = ${a.date}, version = version + 1
        WHERE id = ${batch.id} AND version = ${batch.version} AND approved_on IS NULL`,
      guard(sql`changes() <> 1`),
      sql`UPDATE parcels SET state = 'approved', approved_on = ${a.date}, approval_doc_no = ${a.docNo},
          last_moved_on = ${a.date}, version = version + 1, updated_at = ${a.now}
        WHERE batch_id = ${batch.id} AND state = 'planned'
          AND (id, version) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${seen}))`,
      guard(sql`changes() <> ${count}`),
      guard(sql`EXISTS (SELECT 1 FROM parcels WHERE batch_id = ${batch.id} AND state = 'planned')`),
      // Each event carries the parcel's version after the move, as a single move's event would.
      sql`INSERT INTO parcel_events (parcel_id, kind, from_state, to_state, "on", data, actor_id, recorded_at, version)
        SELECT p.id, 'move', 'planned', 'approved', ${a.date}, ${data}, ${a.actorId}, ${a.now}, p.version
        FROM parcels p WHERE p.id IN (SELECT json_extract(value, '$[0]') FROM json_each(${seen})) ORDER BY p.id`,
    ]);
    return true;
  } catch (e) {
    if (String((e as Error).message ?? e).includes("write_guard_failed")) return false;
    throw e;
  }
}
