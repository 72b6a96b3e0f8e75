import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { violates } from "../db/errors";
import { parcels, projects, type Parcel } from "../db/schema";
import { isState } from "../domain/chain";
import { MULTILINE, text } from "../domain/fields";
import { parseWith, type Issue } from "../domain/issues";
import { parseMoveBase, validateMove } from "../domain/moves";
import { correctableMove, correctionPatch, effectiveMoves, movePatch, type ParcelPatch } from "../domain/record";
import { editInput, registerInput } from "../domain/register";
import type { Actor } from "../http/actor";
import { applyParcelChange, type NewEvent } from "./change";
import { parcelJson } from "./json";
import { idempotencyKeyQuery, type IdempotentAnswer, type ParcelEventView } from "./queries";

// The parcel writes, shared by the pages and the API. Each takes what its handler already read in
// the authorize batch (so a write is one read round trip plus one guarded write batch) and returns
// the parcel after the change with the event it appended.

export type Written = { ok: true; parcel: Parcel; event?: ParcelEventView; replayed?: string };
export type OpResult = Written | { ok: false; status: 404 | 409 | 403 | 422; error: string; issues?: Issue[] };

const correctionInput = z.object({ version: z.number().int().positive(), reason: text(500, MULTILINE) });

export const notFound: OpResult = { ok: false, status: 404, error: "not_found" };
export const conflict: OpResult = { ok: false, status: 409, error: "version_conflict" };
export const invalid = (issues: Issue[], error = "validation"): OpResult => ({ ok: false, status: 422, error, issues });
const unknownBatch = invalid([{ path: "batchId", code: "unknown_batch" }]);
// batch_id references batches: D1 refuses a parcel row naming a batch that does not exist, atomically.
const isUnknownBatch = (e: unknown) => violates(e, "FOREIGN KEY");
// parcels.project_id has no FOREIGN KEY (adding one would rebuild the parcels table), so a named project is
// looked up first — one more read, only when a write names a project; projects are never deleted.
const unknownProject = invalid([{ path: "projectId", code: "unknown_project" }]);
async function projectKnown(db: Db, id: number): Promise<boolean> {
  return (await db.select({ id: projects.id }).from(projects).where(eq(projects.id, id)).limit(1)).length === 1;
}

/** Registers a parcel (chain totals follow by trigger); a duplicate code is a 409, an unknown batch a 422. */
export async function registerParcel(db: Db, body: unknown, a: Actor): Promise<OpResult> {
  const parsed = parseWith(registerInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const v = parsed.value;
  if (v.date && v.date > a.today) return invalid([{ path: "date", code: "after_today", params: { today: a.today } }]);
  if (v.projectId !== undefined && !(await projectKnown(db, v.projectId))) return unknownProject;
  const state = v.state ?? "planned";
  const values = {
    code: v.code,
    name: v.name,
    town: v.town,
    landUse: v.landUse,
    origin: v.origin,
    areaM2: v.area,
    state,
    batchId: v.batchId ?? null,
    projectId: v.projectId ?? null,
    createdBy: a.user.id,
    createdAt: a.now,
    ...(state === "reserved" ? { reservedOn: v.date!, reserveNo: v.reserveNo!, lastMovedOn: v.date! } : {}),
  };
  try {
    const [inserted] = await db.insert(parcels).values(values).returning();
    return { ok: true, parcel: inserted };
  } catch (e) {
    if (violates(e, "UNIQUE"))
      return { ok: false, status: 409, error: "duplicate", issues: [{ path: "code", code: "duplicate_code" }] };
    if (isUnknownBatch(e)) return unknownBatch;
    throw e;
  }
}

/** Writes one change and describes the event it appended as the timeline shows it. */
export async function writeChange(
  db: Db,
  parcel: Parcel,
  patch: ParcelPatch,
  event: NewEvent,
  a: Actor,
): Promise<OpResult> {
  let id: number | null;
  try {
    id = await applyParcelChange(db, parcel, patch, event);
  } catch (e) {
    if (isUnknownBatch(e)) return unknownBatch;
    throw e;
  }
  if (id === null) return conflict;
  const view: ParcelEventView = {
    id,
    kind: event.kind,
    fromState: event.fromState,
    toState: event.toState,
    on: event.on,
    data: JSON.stringify(event.data),
    note: event.note,
    actorId: a.user.id,
    actor: a.user.username,
    actorName: a.user.displayName,
    recordedAt: event.recordedAt,
    version: parcel.version + 1,
    revertsEventId: event.revertsEventId ?? null,
  };
  return {
    ok: true,
    parcel: { ...parcel, ...patch, version: parcel.version + 1, updatedAt: event.recordedAt },
    event: view,
  };
}

/**
 * What a move needs read beforehand: the parcel, and the answer stored under its Idempotency-Key if
 * any, with the hash of this request (http/idempotency.ts) to tell a true repeat from a reuse.
 */
export type MoveContext = {
  parcel: Parcel | undefined;
  seen: IdempotentAnswer | undefined;
  idempotencyKey?: string;
  requestHash?: string;
};

/** Advances a parcel one move (docs/PRODUCT.md §3), replaying the first outcome of a repeated Idempotency-Key. */
export async function moveParcel(db: Db, m: MoveContext, body: unknown, a: Actor): Promise<OpResult> {
  const { parcel, seen, idempotencyKey, requestHash } = m;
  if (seen) return replay(seen, parcel, a, requestHash);
  if (!parcel) return notFound;
  const base = parseMoveBase(body);
  if (!base.ok) return invalid(base.issues);
  if (base.value.version !== parcel.version) return conflict;
  if (!isState(parcel.state)) throw new Error(`parcel ${parcel.id} has unknown state ${parcel.state}`);
  const checked = validateMove(
    { state: parcel.state, lastMovedOn: parcel.lastMovedOn },
    { ...(body as object), ...base.value },
    a.today,
  );
  if (!checked.ok) return invalid(checked.issues, checked.error);
  const patch = movePatch(checked.to, checked.date, checked.fields);
  const data: Record<string, unknown> = { ...checked.fields };
  if ("batchId" in patch) data.previousBatchId = parcel.batchId;
  const after = { ...parcel, ...patch, version: parcel.version + 1, updatedAt: a.now };
  const event: NewEvent = {
    kind: "move",
    fromState: parcel.state,
    toState: checked.to,
    on: checked.date,
    note: checked.note ?? null,
    actorId: a.user.id,
    recordedAt: a.now,
    data,
    idempotencyKey: idempotencyKey ?? null,
    requestHash: idempotencyKey ? (requestHash ?? null) : null,
    response: idempotencyKey ? JSON.stringify(parcelJson(after)) : null,
  };
  try {
    return await writeChange(db, parcel, patch, event, a);
  } catch (e) {
    // Two requests raced with one key: the loser answers with the winner's outcome.
    if (!idempotencyKey || !violates(e, "UNIQUE")) throw e;
    const [winner] = await idempotencyKeyQuery(db, idempotencyKey);
    if (winner) return replay(winner, parcel, a, requestHash);
    throw e;
  }
}

/** A true repeat (same user, same request) gets the first answer again; any other use of the key is refused, nothing written. */
export function replay(seen: IdempotentAnswer, parcel: Parcel | undefined, a: Actor, requestHash?: string): OpResult {
  const same = seen.actorId === a.user.id && parcel && seen.parcelId === parcel.id && seen.requestHash === requestHash;
  if (!same || !seen.response)
    return invalid([{ path: "Idempotency-Key", code: "idempotency_key_reused" }], "idempotency_key_reused");
  return { ok: true, parcel, replayed: seen.response };
}

/** Undoes the latest move still in force, as a `correction` event (docs/PRODUCT.md §3). */
export async function correctParcel(
  db: Db,
  parcel: Parcel | undefined,
  events: ParcelEventView[],
  body: unknown,
  a: Actor,
): Promise<OpResult> {
  if (!parcel) return notFound;
  const parsed = parseWith(correctionInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  if (parsed.value.version !== parcel.version) return conflict;
  const inForce = effectiveMoves(events);
  const last = inForce.at(-1);
  if (!last) return invalid([{ path: "_", code: "nothing_to_correct" }], "nothing_to_correct");
  if (!correctableMove(a.user, events, a.today)) return { ok: false, status: 403, error: "correction_forbidden" };
  // The date to restore is the previous MOVE's (delays do not set last_moved_on). With no earlier move
  // in force, a parcel leaving "reserved" was registered straight into the reserve.
  const moves = inForce.filter((e) => e.kind === "move");
  const previousOn = moves.at(-2)?.on ?? (last.fromState === "reserved" ? parcel.reservedOn : null);
  const patch = correctionPatch({ ...last, data: JSON.parse(last.data) }, previousOn);
  return writeChange(
    db,
    parcel,
    patch,
    {
      kind: "correction",
      fromState: parcel.state,
      toState: last.fromState,
      on: a.today,
      note: parsed.value.reason,
      actorId: a.user.id,
      recordedAt: a.now,
      data: { reason: parsed.value.reason, undoneEventId: last.id },
      revertsEventId: last.id,
    },
    a,
  );
}

/** Edits registration fields (docs/PRODUCT.md §9 PATCH), recorded as an `edit` event with what changed. */
export async function editParcel(db: Db, parcel: Parcel | undefined, body: unknown, a: Actor): Promise<OpResult> {
  if (!parcel) return notFound;
  const parsed = parseWith(editInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const v = parsed.value;
  if (v.version !== parcel.version) return conflict;
  if (v.projectId !== undefined && v.projectId !== null && !(await projectKnown(db, v.projectId)))
    return unknownProject;
  const wanted: ParcelPatch = {
    name: v.name,
    town: v.town,
    landUse: v.landUse,
    areaM2: v.area,
    batchId: v.batchId,
    projectId: v.projectId,
  };
  const patch: ParcelPatch = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, to] of Object.entries(wanted) as [keyof ParcelPatch, unknown][]) {
    if (to === undefined || parcel[k as keyof Parcel] === to) continue;
    (patch as Record<string, unknown>)[k] = to;
    changes[k] = { from: parcel[k as keyof Parcel], to };
  }
  if (!Object.keys(patch).length) return { ok: true, parcel };
  return writeChange(
    db,
    parcel,
    patch,
    {
      kind: "edit",
      fromState: parcel.state,
      toState: parcel.state,
      on: a.today,
      note: v.note ?? null,
      actorId: a.user.id,
      recordedAt: a.now,
      data: { changes },
    },
    a,
  );
}
