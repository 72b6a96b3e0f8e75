import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { applyParcelChange, type NewEvent } from "../db/parcel-writes";
import { findEventByIdempotencyKey, findParcel, listParcelEvents } from "../db/parcels";
import { batches, chainTotals, parcels, type Parcel } from "../db/schema";
import { isState, mayCorrect } from "../domain/chain";
import { shanghaiDate } from "../domain/dates";
import type { Issue } from "../domain/issues";
import { parseMoveBase, validateMove } from "../domain/moves";
import { text } from "../domain/fields";
import { correctionPatch, effectiveMoves, movePatch, type ParcelPatch } from "../domain/record";
import { editInput, parseWith, registerInput } from "../domain/register";
import type { SessionUser } from "../env";
import { parcelJson } from "../http/parcel-json";

/** What every write needs to know about its caller. */
export type Actor = { user: SessionUser; today: string; now: string };

export type OpResult =
  | { ok: true; parcel: Parcel; replayed?: string }
  | { ok: false; status: 404 | 409 | 403 | 422; error: string; issues?: Issue[] };

const correctionInput = z.object({ version: z.number().int().positive(), reason: text(500) });

const notFound: OpResult = { ok: false, status: 404, error: "not_found" };
const conflict: OpResult = { ok: false, status: 409, error: "version_conflict" };
const invalid = (issues: Issue[], error = "validation"): OpResult => ({ ok: false, status: 422, error, issues });

async function batchExists(db: Db, id: number | null | undefined): Promise<boolean> {
  if (id === undefined || id === null) return true;
  return (await db.select({ id: batches.id }).from(batches).where(eq(batches.id, id)).limit(1)).length === 1;
}

/** Registers a parcel with its chain totals in one batch; a duplicate code is a 409. */
export async function registerParcelOp(db: Db, body: unknown, a: Actor): Promise<OpResult> {
  const parsed = parseWith(registerInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const v = parsed.value;
  const issues: Issue[] = [];
  if (v.date && v.date > a.today) issues.push({ path: "date", code: "after_today", params: { today: a.today } });
  if (!(await batchExists(db, v.batchId))) issues.push({ path: "batchId", code: "unknown_batch" });
  if (issues.length) return invalid(issues);
  const state = v.state ?? "planned";
  const values = {
    code: v.code, name: v.name, town: v.town, landUse: v.landUse, origin: v.origin, areaM2: v.area, state,
    batchId: v.batchId ?? null, projectId: v.projectId ?? null, createdBy: a.user.id, createdAt: a.now,
    ...(state === "reserved" ? { reservedOn: v.date!, reserveNo: v.reserveNo!, lastMovedOn: v.date! } : {}),
  };
  try {
    const [inserted] = await db.batch([
      db.insert(parcels).values(values).returning(),
      db.update(chainTotals)
        .set({ count: sql`${chainTotals.count} + 1`, areaM2: sql`${chainTotals.areaM2} + ${v.area}` })
        .where(and(eq(chainTotals.state, state), sql`(SELECT changes()) = 1`)),
    ]);
    return { ok: true, parcel: inserted[0] };
  } catch (e) {
    if (String((e as Error).message ?? e).includes("UNIQUE")) return { ok: false, status: 409, error: "duplicate", issues: [{ path: "code", code: "duplicate_code" }] };
    throw e;
  }
}

async function writeChange(db: Db, parcel: Parcel, patch: ParcelPatch, event: NewEvent): Promise<OpResult> {
  if (!(await applyParcelChange(db, parcel, patch, event))) return conflict;
  return { ok: true, parcel: { ...parcel, ...patch, version: parcel.version + 1, updatedAt: event.recordedAt } };
}

/** Advances a parcel one move (SPEC §3), replaying the first outcome of a repeated Idempotency-Key. */
export async function moveParcelOp(db: Db, id: number, body: unknown, a: Actor, idempotencyKey?: string): Promise<OpResult> {
  if (idempotencyKey) {
    const seen = await findEventByIdempotencyKey(db, idempotencyKey);
    if (seen) return replay(db, seen, id, a);
  }
  const parcel = await findParcel(db, id);
  if (!parcel) return notFound;
  const base = parseMoveBase(body);
  if (!base.ok) return invalid(base.issues);
  if (base.value.version !== parcel.version) return conflict;
  if (!isState(parcel.state)) throw new Error(`parcel ${id} has unknown state ${parcel.state}`);
  const checked = validateMove({ state: parcel.state, lastMovedOn: parcel.lastMovedOn }, { ...(body as object), ...base.value }, a.today);
  if (!checked.ok) return invalid(checked.issues, checked.error);
  if (!(await batchExists(db, checked.fields.batchId as number | undefined))) return invalid([{ path: "batchId", code: "unknown_batch" }]);
  const patch = movePatch(checked.to, checked.date, checked.fields);
  const data: Record<string, unknown> = { ...checked.fields };
  if ("batchId" in patch) data.previousBatchId = parcel.batchId;
  const after = { ...parcel, ...patch, version: parcel.version + 1, updatedAt: a.now };
  const event: NewEvent = {
    kind: "move", fromState: parcel.state, toState: checked.to, on: checked.date, note: checked.note ?? null,
    actorId: a.user.id, recordedAt: a.now, data, idempotencyKey: idempotencyKey ?? null,
    response: idempotencyKey ? JSON.stringify(parcelJson(after)) : null,
  };
  try {
    return await writeChange(db, parcel, patch, event);
  } catch (e) {
    // Two requests raced with one key: the loser answers with the winner's outcome.
    const seen = idempotencyKey && String((e as Error).message ?? e).includes("UNIQUE") ? await findEventByIdempotencyKey(db, idempotencyKey) : undefined;
    if (seen) return replay(db, seen, id, a);
    throw e;
  }
}

async function replay(db: Db, seen: { actorId: number; parcelId: number; response: string | null }, id: number, a: Actor): Promise<OpResult> {
  if (seen.actorId !== a.user.id || seen.parcelId !== id || !seen.response)
    return invalid([{ path: "Idempotency-Key", code: "idempotency_reused" }], "idempotency_reused");
  const parcel = await findParcel(db, id);
  return parcel ? { ok: true, parcel, replayed: seen.response } : notFound;
}

/** Undoes the latest move still in force, as a `correction` event (SPEC §3). */
export async function correctParcelOp(db: Db, id: number, body: unknown, a: Actor): Promise<OpResult> {
  const parcel = await findParcel(db, id);
  if (!parcel) return notFound;
  const parsed = parseWith(correctionInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  if (parsed.value.version !== parcel.version) return conflict;
  const moves = effectiveMoves(await listParcelEvents(db, id));
  const last = moves.at(-1);
  if (!last) return invalid([{ path: "_", code: "nothing_to_correct" }], "nothing_to_correct");
  if (!mayCorrect(a.user, { actorId: last.actorId, movedOnDay: shanghaiDate(new Date(last.recordedAt)) }, a.today))
    return { ok: false, status: 403, error: "correction_forbidden" };
  // With no earlier move in force, a parcel leaving "reserved" was registered straight into the reserve.
  const previousOn = moves.at(-2)?.on ?? (last.fromState === "reserved" ? parcel.reservedOn : null);
  const patch = correctionPatch({ ...last, data: JSON.parse(last.data) }, previousOn);
  return writeChange(db, parcel, patch, {
    kind: "correction", fromState: parcel.state, toState: last.fromState, on: a.today, note: parsed.value.reason,
    actorId: a.user.id, recordedAt: a.now, data: { reason: parsed.value.reason, undoneEventId: last.id }, revertsEventId: last.id,
  });
}

/** Edits registration fields (SPEC §9 PATCH), recorded as an `edit` event with what changed. */
export async function editParcelOp(db: Db, id: number, body: unknown, a: Actor): Promise<OpResult> {
  const parcel = await findParcel(db, id);
  if (!parcel) return notFound;
  const parsed = parseWith(editInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const v = parsed.value;
  if (v.version !== parcel.version) return conflict;
  if (!(await batchExists(db, v.batchId))) return invalid([{ path: "batchId", code: "unknown_batch" }]);
  const wanted: ParcelPatch = { name: v.name, town: v.town, landUse: v.landUse, areaM2: v.area, batchId: v.batchId, projectId: v.projectId };
  const patch: ParcelPatch = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, to] of Object.entries(wanted) as [keyof ParcelPatch, unknown][]) {
    if (to === undefined || parcel[k as keyof Parcel] === to) continue;
    (patch as Record<string, unknown>)[k] = to;
    changes[k] = { from: parcel[k as keyof Parcel], to };
  }
  if (!Object.keys(patch).length) return { ok: true, parcel };
  return writeChange(db, parcel, patch, {
    kind: "edit", fromState: parcel.state, toState: parcel.state, on: a.today, note: v.note ?? null,
    actorId: a.user.id, recordedAt: a.now, data: { changes },
  });
}
