// Turns drafts into table rows exactly as the app would have written them, event by event,
// using the app's own movePatch and correctionPatch.
import type { Parcel, ParcelEvent } from "../../src/db/schema";
import type { MoveFields } from "../../src/domain/moves";
import { correctionPatch, movePatch } from "../../src/domain/record";
import { parcelCode } from "./docs";
import type { DraftMove, ParcelDraft } from "./drafts";
import type { Rng } from "./random";

const two = (n: number) => String(n).padStart(2, "0");

/** An instant on the business day `on`, during office hours in Shanghai; `hour` (UTC) orders a day's entries. */
const instant = (rng: Rng, on: string, hour: number) =>
  `${on}T${two(hour)}:${two(rng.int(0, 59))}:${two(rng.int(0, 59))}.000Z`;

function registrationRow(d: ParcelDraft, id: number, code: string, createdAt: string, createdBy: number): Parcel {
  const reserved = d.registered === "reserved";
  return {
    id,
    code,
    name: d.name,
    town: d.town.name,
    landUse: d.landUse,
    origin: d.origin,
    areaM2: d.edit?.fromAreaM2 ?? d.areaM2,
    state: d.registered,
    version: 1,
    batchId: d.batchId,
    projectId: null,
    lastMovedOn: reserved ? d.registeredOn : null,
    approvedOn: null,
    approvalDocNo: null,
    acquiredOn: null,
    acquisitionDocNo: null,
    reservedOn: reserved ? d.registeredOn : null,
    reserveNo: reserved ? d.reserveNo : null,
    suppliedOn: null,
    supplyMethod: null,
    supplyDocNo: null,
    landUser: null,
    priceYuan: null,
    agreedStartOn: null,
    originalAgreedStartOn: null,
    agreedCompletionOn: null,
    supervisionNo: null,
    startedOn: null,
    permitNo: null,
    completedOn: null,
    withdrawnOn: null,
    withdrawalDocNo: null,
    withdrawalReason: null,
    createdBy,
    createdAt,
    updatedAt: null,
    importId: null,
  };
}

type Pending = { event: ParcelEvent; reverts?: ParcelEvent; reason?: string };

/** Replays one parcel's history onto `row`, returning its events (ids still unassigned). */
function replay(rng: Rng, d: ParcelDraft, row: Parcel, createdBy: number): Pending[] {
  const out: Pending[] = [];
  const append = (
    e: Omit<
      ParcelEvent,
      | "id"
      | "parcelId"
      | "version"
      | "recordedAt"
      | "revertsEventId"
      | "idempotencyKey"
      | "requestHash"
      | "response"
      | "importId"
    >,
    extra: Partial<Pending> = {},
  ) => {
    row.version += 1;
    // Registration is at 01:xx UTC and each later entry of the day an hour on, so a day's entries keep their order.
    const event: ParcelEvent = {
      ...e,
      id: 0,
      parcelId: row.id,
      version: row.version,
      recordedAt: instant(rng, e.on, row.version),
      revertsEventId: null,
      idempotencyKey: null,
      requestHash: null,
      response: null,
      importId: null,
    };
    row.updatedAt = event.recordedAt;
    out.push({ event, ...extra });
    return event;
  };
  const move = (m: DraftMove, fields: MoveFields) => {
    const patch = movePatch(m.to, m.on, fields);
    // As the move API does, so a correction can put the batch back.
    const data = "batchId" in patch ? { ...fields, previousBatchId: row.batchId } : { ...fields };
    Object.assign(row, patch);
    return append({
      kind: "move",
      fromState: m.from,
      toState: m.to,
      on: m.on,
      data: JSON.stringify(data),
      note: m.note,
      actorId: m.actorId,
    });
  };
  if (d.edit) {
    const changes = { areaM2: { from: row.areaM2, to: d.areaM2 } };
    row.areaM2 = d.areaM2;
    append({
      kind: "edit",
      fromState: row.state,
      toState: row.state,
      on: d.edit.on,
      data: JSON.stringify({ changes }),
      note: "勘测定界后更正面积",
      actorId: createdBy,
    });
  }
  for (const m of d.moves) {
    if (m.mistake) {
      const previousOn = row.lastMovedOn;
      const wrong = move(m, m.mistake.fields);
      Object.assign(
        row,
        correctionPatch({ ...wrong, data: JSON.parse(wrong.data) as Record<string, unknown> }, previousOn),
      );
      append(
        {
          kind: "correction",
          fromState: m.to,
          toState: m.from,
          on: m.on,
          data: "{}",
          note: m.mistake.reason,
          actorId: m.actorId,
        },
        { reverts: wrong, reason: m.mistake.reason },
      );
    }
    move(m, m.fields);
  }
  // As src/parcels/delay.ts writes it: the start in force moves, the original stays.
  for (const delay of d.delays ?? []) {
    const previousAgreedStartOn = row.agreedStartOn;
    row.originalAgreedStartOn ??= previousAgreedStartOn;
    row.agreedStartOn = delay.newAgreedStartOn;
    append({
      kind: "delay",
      fromState: row.state,
      toState: row.state,
      on: delay.on,
      data: JSON.stringify({ ...delay, on: undefined, previousAgreedStartOn }),
      note: null,
      actorId: createdBy,
    });
  }
  return out;
}

/**
 * Rows for `drafts`: parcels numbered in order of registration, events numbered in the order
 * they were recorded.
 */
export function finalizeParcels(
  rng: Rng,
  drafts: ParcelDraft[],
  createdBy: number,
): { parcels: Parcel[]; events: ParcelEvent[] } {
  const ordered = drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.registeredOn < b.d.registeredOn ? -1 : a.d.registeredOn > b.d.registeredOn ? 1 : a.i - b.i));
  const width = Math.max(5, String(drafts.length).length);
  const parcels: Parcel[] = [];
  const pending: Pending[] = [];
  ordered.forEach(({ d }, i) => {
    const row = registrationRow(
      d,
      i + 1,
      parcelCode(d.town.code, d.village, i + 1, width),
      instant(rng, d.registeredOn, 1),
      createdBy,
    );
    pending.push(...replay(rng, d, row, createdBy));
    parcels.push(row);
  });
  const events = pending.map((p) => p.event);
  events.sort((a, b) =>
    a.recordedAt < b.recordedAt
      ? -1
      : a.recordedAt > b.recordedAt
        ? 1
        : a.parcelId - b.parcelId || a.version - b.version,
  );
  events.forEach((e, i) => (e.id = i + 1));
  // A correction names the move it undoes, which has an id only now.
  for (const p of pending) {
    if (!p.reverts) continue;
    p.event.revertsEventId = p.reverts.id;
    p.event.data = JSON.stringify({ reason: p.reason, undoneEventId: p.reverts.id });
  }
  return { parcels, events };
}
