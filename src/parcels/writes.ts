import { eq, sql } from "drizzle-orm";
import { runBatch } from "../db/batch";
import { z } from "zod";
import type { Db } from "../db/client";
import { violates } from "../db/errors";
import { parcels, projects, type Parcel } from "../db/schema";
import { isState } from "../domain/chain";
import { MULTILINE, text } from "../domain/fields";
import { parseWith, type Issue } from "../domain/issues";
import { parseMoveBase, validateMove } from "../domain/moves";
import { correctableMove, correctionPatch, effectiveMoves, movePatch, type ParcelPatch } from "../domain/record";
import type { AreaUnit } from "../domain/area";
import { implausibleArea, type AreaCheck } from "../domain/plausibility";
import { editInput, registerInput } from "../domain/register";
import { sortTowns } from "../domain/towns";
import { batchQuery } from "../batches/queries";
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
  return (await projectName(db, id)) !== null;
}
async function projectName(db: Db, id: number): Promise<string | null> {
  const [row] = await db.select({ name: projects.name }).from(projects).where(eq(projects.id, id)).limit(1);
  return row ? row.name : null;
}

/**
 * What a registration or an edit is checked against besides its own fields, read with the session: the active
 * towns' names, and the district-wide ceiling for one parcel's area (m², null for none configured).
 */
export type ParcelChecks = { towns: readonly string[]; ceilingM2: number | null };

/** The town refused with the list to choose from, in pinyin order. */
const unknownTown = (name: string, towns: readonly string[]) =>
  invalid([{ path: "town", code: "unknown_town", params: { name, towns: sortTowns(towns).join("、") } }]);

type AreaVerdict = { ok: true; confirmed: AreaCheck[]; batchName: string | null } | { ok: false; result: OpResult };

/**
 * The area plausibility checks (domain/plausibility.ts) for `m2` typed in `unit` in batch `batchId`: refused with
 * the figures unless `confirm`, and then the checks confirmed past are answered, to be recorded on the event.
 * An unknown batch is refused here already (one read, only when a batch is named).
 */
async function checkArea(
  db: Db,
  m2: number,
  unit: AreaUnit,
  batchId: number | null,
  confirm: boolean | undefined,
  checks: ParcelChecks,
): Promise<AreaVerdict> {
  let batchTotalM2: number | null = null;
  let batchName: string | null = null;
  if (batchId !== null) {
    const [row] = await batchQuery(db, batchId);
    if (!row) return { ok: false, result: unknownBatch };
    batchTotalM2 = row.batch.totalM2;
    batchName = row.batch.name;
  }
  const issues = implausibleArea(m2, unit, { ceilingM2: checks.ceilingM2, batchTotalM2 });
  if (issues.length && !confirm)
    return {
      ok: false,
      result: invalid(
        issues.map(({ check: _, ...i }) => i),
        "implausible_area",
      ),
    };
  return { ok: true, confirmed: issues.map((i) => i.check), batchName };
}

/**
 * Registers a parcel (chain totals follow by trigger); a duplicate code is a 409, an unknown batch or town a 422.
 * An implausible area is refused unless confirmed; a confirmed one is recorded as a `register` event.
 */
export async function registerParcel(db: Db, body: unknown, a: Actor, checks: ParcelChecks): Promise<OpResult> {
  const parsed = parseWith(registerInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const v = parsed.value;
  if (!checks.towns.includes(v.town)) return unknownTown(v.town, checks.towns);
  if (v.date && v.date > a.today) return invalid([{ path: "date", code: "after_today", params: { today: a.today } }]);
  if (v.projectId !== undefined && !(await projectKnown(db, v.projectId))) return unknownProject;
  const area = await checkArea(db, v.area.m2, v.area.unit, v.batchId ?? null, v.confirmArea, checks);
  if (!area.ok) return area.result;
  const state = v.state ?? "planned";
  const values = {
    code: v.code,
    name: v.name,
    town: v.town,
    landUse: v.landUse,
    origin: v.origin,
    areaM2: v.area.m2,
    state,
    batchId: v.batchId ?? null,
    projectId: v.projectId ?? null,
    createdBy: a.user.id,
    createdAt: a.now,
    ...(state === "reserved" ? { reservedOn: v.date!, reserveNo: v.reserveNo!, lastMovedOn: v.date! } : {}),
  };
  try {
    const insert = db.insert(parcels).values(values).returning();
    if (!area.confirmed.length) {
      const [inserted] = await insert;
      return { ok: true, parcel: inserted };
    }
    // The confirmation is evidence: the parcel and the event saying who confirmed which check, in one batch.
    const [rows] = await runBatch(db, [
      insert,
      sql`INSERT INTO parcel_events (parcel_id, kind, from_state, to_state, "on", data, note, actor_id, recorded_at, version)
        SELECT id, 'register', NULL, ${state}, ${a.today}, ${JSON.stringify({ areaM2: v.area.m2, areaConfirmed: area.confirmed })},
          ${v.note ?? null}, ${a.user.id}, ${a.now}, 1 FROM parcels WHERE code = ${v.code} AND changes() = 1`,
    ]);
    const [inserted] = await db
      .select()
      .from(parcels)
      .where(eq(parcels.id, (rows!.results as { id: number }[])[0]!.id));
    return { ok: true, parcel: inserted! };
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

/**
 * Edits registration fields (docs/PRODUCT.md §9 PATCH; issue 10 §1), recorded as an `edit` event with each changed
 * field's value before and after, the reason, and any area check the officer confirmed past. Correctable like a
 * move: a correction puts the before values back (domain/record.ts correctionPatch).
 */
export async function editParcel(
  db: Db,
  parcel: (Parcel & { batchName?: string | null; projectName?: string | null }) | undefined,
  body: unknown,
  a: Actor,
  checks: ParcelChecks,
): Promise<OpResult> {
  if (!parcel) return notFound;
  const parsed = parseWith(editInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const v = parsed.value;
  if (v.version !== parcel.version) return conflict;
  const names = { batchName: parcel.batchName ?? null, projectName: parcel.projectName ?? null };
  if (v.town !== undefined && v.town !== parcel.town && !checks.towns.includes(v.town))
    return unknownTown(v.town, checks.towns);
  let newProjectName: string | null = null;
  if (v.projectId !== undefined && v.projectId !== null && v.projectId !== parcel.projectId) {
    newProjectName = await projectName(db, v.projectId);
    if (newProjectName === null) return unknownProject;
  }
  const wanted: ParcelPatch = {
    name: v.name,
    town: v.town,
    landUse: v.landUse,
    origin: v.origin,
    areaM2: v.area?.m2,
    batchId: v.batchId,
    projectId: v.projectId,
  };
  const patch: ParcelPatch = {};
  const changes: Record<string, { from: unknown; to: unknown; fromName?: string | null; toName?: string | null }> = {};
  for (const [k, to] of Object.entries(wanted) as [keyof ParcelPatch, unknown][]) {
    if (to === undefined || parcel[k as keyof Parcel] === to) continue;
    (patch as Record<string, unknown>)[k] = to;
    changes[k] = { from: parcel[k as keyof Parcel], to };
  }
  if (!Object.keys(patch).length) return invalid([{ path: "_", code: "nothing_changed" }], "nothing_changed");
  const data: Record<string, unknown> = { changes, reason: v.reason };
  if ("areaM2" in patch || "batchId" in patch) {
    const batchId = "batchId" in patch ? (patch.batchId ?? null) : parcel.batchId;
    const area = await checkArea(
      db,
      patch.areaM2 ?? parcel.areaM2,
      v.area?.unit ?? "mu",
      batchId,
      v.confirmArea,
      checks,
    );
    if (!area.ok) return area.result;
    if (area.confirmed.length) data.areaConfirmed = area.confirmed;
    // The names travel with the ids, so the history reads "批次 A → 批次 B" even after a rename.
    if (changes.batchId) changes.batchId = { ...changes.batchId, fromName: names.batchName, toName: area.batchName };
  }
  if (changes.projectId)
    changes.projectId = { ...changes.projectId, fromName: names.projectName, toName: newProjectName };
  return writeChange(
    db,
    parcel,
    patch,
    {
      kind: "edit",
      fromState: parcel.state,
      toState: parcel.state,
      on: a.today,
      note: v.reason,
      actorId: a.user.id,
      recordedAt: a.now,
      data,
    },
    a,
  );
}
