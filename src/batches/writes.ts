import type { Db } from "../db/client";
import { approvalInput, batchInput } from "../domain/batches";
import { parseWith, type Issue } from "../domain/issues";
import type { Actor } from "../http/actor";
import { approveBatchWrite, type PlannedParcel } from "./approval-write";
import { batchQuery, insertBatch, type BatchWithTotals } from "./queries";

export type BatchOpResult =
  | { ok: true; batch: BatchWithTotals; moved?: number }
  | { ok: false; status: 404 | 409 | 422; error: string; issues?: Issue[] };

const invalid = (issues: Issue[]): BatchOpResult => ({ ok: false, status: 422, error: "validation", issues });

/** Registers a batch (docs/PRODUCT.md §4); a historical one may come with its approval doc no. and date. */
export async function createBatch(db: Db, body: unknown, a: Actor): Promise<BatchOpResult> {
  const parsed = parseWith(batchInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const v = parsed.value;
  if (v.approvedOn && v.approvedOn > a.today)
    return invalid([{ path: "approvedOn", code: "after_today", params: { today: a.today } }]);
  const batch = await insertBatch(db, {
    name: v.name,
    kind: v.kind,
    authority: v.authority ?? null,
    docNo: v.docNo ?? null,
    approvedOn: v.approvedOn ?? null,
    totalM2: v.totalArea,
    agriculturalM2: v.agriculturalArea ?? null,
    cultivatedM2: v.cultivatedArea ?? null,
    unusedM2: v.unusedArea ?? null,
    newConstructionM2: v.newConstructionArea ?? null,
    note: v.note ?? null,
    createdAt: a.now,
  });
  return { ok: true, batch };
}

/**
 * Approves a batch: all its `planned` parcels move to `approved` at once (docs/PRODUCT.md §3 "Bulk", §9).
 * The date may not be after today nor before any of those parcels' latest move; a parcel or the
 * batch changed by someone else meanwhile makes the whole approval a 409 with nothing written.
 */
export async function approveBatch(
  db: Db,
  found: BatchWithTotals | undefined,
  planned: PlannedParcel[],
  body: unknown,
  a: Actor,
): Promise<BatchOpResult> {
  if (!found) return { ok: false, status: 404, error: "not_found" };
  const id = found.batch.id;
  const parsed = parseWith(approvalInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const { docNo, date } = parsed.value;
  if (found.batch.approvedOn) return { ok: false, status: 409, error: "batch_already_approved" };
  if (date > a.today) return invalid([{ path: "date", code: "after_today", params: { today: a.today } }]);
  if (!planned.length) return invalid([{ path: "_", code: "batch_nothing_to_approve" }]);
  const latest = planned.reduce<string>((max, p) => (p.lastMovedOn && p.lastMovedOn > max ? p.lastMovedOn : max), "");
  if (latest && date < latest)
    return invalid([{ path: "date", code: "before_previous", params: { previous: latest } }]);
  const written = await approveBatchWrite(db, found.batch, planned, { docNo, date, actorId: a.user.id, now: a.now });
  if (!written) return { ok: false, status: 409, error: "version_conflict" };
  return { ok: true, batch: (await batchQuery(db, id))[0], moved: planned.length };
}
