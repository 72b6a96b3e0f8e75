import { describe, expect, it } from "vitest";
import type { Parcel, ParcelEvent } from "../../src/db/schema";
import { isState, moveKind, registrableState, type State } from "../../src/domain/chain";
import { validateDelay } from "../../src/domain/delay";
import { validateMove } from "../../src/domain/moves";
import { correctionPatch, effectiveMoves, movePatch, STATE_COLUMNS } from "../../src/domain/record";
import { DEMO_DEFAULTS, generateSeed } from "../../scripts/seed/generate";

const anchor = DEMO_DEFAULTS.anchor;
const data = generateSeed({ ...DEMO_DEFAULTS, passwordHash: "test-hash" });
const bigger = generateSeed({ size: 2000, seed: 7, anchor: "2021-03-15", passwordHash: "test-hash" });

const STAGE_COLUMNS = [...new Set(Object.values(STATE_COLUMNS).flat())];

/** The parcel as registered: stage columns empty (but a registration into the reserve), the area before any edit. */
function registered(p: Parcel, events: ParcelEvent[]): Parcel {
  const row = { ...p } as Record<string, unknown>;
  for (const col of STAGE_COLUMNS) row[col] = null;
  const areaEdit = events.find((e) => e.kind === "edit" && "areaM2" in JSON.parse(e.data).changes);
  if (areaEdit) row.areaM2 = JSON.parse(areaEdit.data).changes.areaM2.from;
  const state = events[0]?.fromState ?? p.state;
  row.state = state;
  row.lastMovedOn = state === "reserved" ? p.reservedOn : null;
  if (state === "reserved") Object.assign(row, { reservedOn: p.reservedOn, reserveNo: p.reserveNo });
  return row as Parcel;
}

/** Replays a parcel's events through the app's own chain rules; returns the problems found. */
function replay(p: Parcel, events: ParcelEvent[], today: string): string[] {
  const problems: string[] = [];
  const row = registered(p, events);
  if (!registrableState(p.origin as "collective" | "state", row.state as State))
    problems.push(`registered as ${row.state}`);
  let lastOn = "";
  events.forEach((e, i) => {
    const at = `event ${e.id} (v${e.version})`;
    if (e.version !== i + 2) problems.push(`${at}: version should be ${i + 2}`);
    if (e.on > today || e.on < lastOn) problems.push(`${at}: date ${e.on} out of order or after ${today}`);
    lastOn = e.on;
    const data = JSON.parse(e.data) as Record<string, unknown>;
    if (e.kind === "move") {
      if (e.fromState !== row.state || !isState(e.toState) || !moveKind(row.state as State, e.toState))
        problems.push(`${at}: ${row.state} → ${e.toState} not allowed`);
      const checked = validateMove(
        { state: row.state as State, lastMovedOn: row.lastMovedOn },
        { ...data, to: e.toState as State, date: e.on, version: e.version - 1 },
        today,
      );
      if (!checked.ok) return problems.push(`${at}: ${JSON.stringify(checked.issues)}`);
      Object.assign(row, movePatch(checked.to, checked.date, checked.fields));
    } else if (e.kind === "correction") {
      const moves = effectiveMoves(events.slice(0, i));
      const last = moves.at(-1)!;
      if (e.revertsEventId !== last.id || data.undoneEventId !== last.id || e.toState !== last.fromState)
        problems.push(`${at}: does not undo the latest move`);
      const previousOn = moves.at(-2)?.on ?? (last.fromState === "reserved" ? p.reservedOn : null);
      Object.assign(row, correctionPatch({ ...last, data: JSON.parse(last.data) }, previousOn));
    } else if (e.kind === "edit") {
      const changes = data.changes as Record<string, { from: unknown; to: unknown }>;
      for (const [key, change] of Object.entries(changes)) {
        if ((row as Record<string, unknown>)[key] !== change.from)
          problems.push(`${at}: edit of ${key} from a value it did not have`);
        (row as Record<string, unknown>)[key] = change.to;
      }
    } else if (e.kind === "delay") {
      // Checked by the delay API's own rules: supplied, not before the supply, at most a year past the original.
      const body = { version: e.version - 1, date: e.on, ...data } as Parameters<typeof validateDelay>[1];
      const checked = validateDelay(row, body, today);
      if (!checked.ok) return problems.push(`${at}: ${JSON.stringify(checked.issues)}`);
      if (data.previousAgreedStartOn !== row.agreedStartOn)
        problems.push(`${at}: previous start is not the one in force`);
      Object.assign(row, {
        agreedStartOn: body.newAgreedStartOn,
        originalAgreedStartOn: checked.originalAgreedStartOn,
      });
    } else problems.push(`${at}: unexpected kind ${e.kind}`);
  });
  if (p.version !== events.length + 1) problems.push(`version ${p.version} with ${events.length} events`);
  for (const col of ["state", "lastMovedOn", "batchId", "areaM2", ...STAGE_COLUMNS] as const)
    if (row[col] !== p[col]) problems.push(`${col}: replayed ${row[col]} but stored ${p[col]}`);
  return problems;
}

function allProblems(d: typeof data, today: string): string[] {
  const byParcel = new Map<number, ParcelEvent[]>();
  for (const e of d.events) byParcel.set(e.parcelId, [...(byParcel.get(e.parcelId) ?? []), e]);
  return d.parcels.flatMap((p) =>
    replay(p, byParcel.get(p.id) ?? [], today).map((s) => `parcel ${p.id} ${p.code}: ${s}`),
  );
}

describe("demo seed: every parcel's record follows the chain", () => {
  it("replays each parcel's events through the move rules to exactly its stored columns", () => {
    expect(allProblems(data, anchor)).toEqual([]);
  });

  it("holds for another size, seed and anchor too", () => {
    expect(allProblems(bigger, "2021-03-15")).toEqual([]);
  });

  it("would notice a broken record (the check itself works)", () => {
    const tampered = structuredClone(data);
    const move = tampered.events.find((e) => e.kind === "move" && e.toState === "acquired")!;
    move.toState = "supplied";
    tampered.parcels[0].version += 1;
    const stale = tampered.parcels.find((p) => p.state === "completed")!;
    stale.lastMovedOn = "2019-01-01";
    const problems = allProblems(tampered, anchor);
    expect(problems.some((s) => s.includes(`event ${move.id} `) && s.includes("not allowed"))).toBe(true);
    expect(problems.some((s) => s.startsWith(`parcel 1 `) && s.includes("version"))).toBe(true);
    expect(problems.some((s) => s.startsWith(`parcel ${stale.id} `) && s.includes("lastMovedOn"))).toBe(true);
  });

  it("numbers events in the order they were recorded, each parcel's versions rising with them", () => {
    const ids = data.events.map((e) => e.id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
    const recorded = data.events.map((e) => e.recordedAt);
    expect(recorded).toEqual([...recorded].sort());
  });

  it("stores last_moved_on as the date of the latest move still in force (a delay is no move)", () => {
    for (const p of data.parcels) {
      const moves = effectiveMoves(data.events.filter((e) => e.parcelId === p.id)).filter((e) => e.kind === "move");
      expect(p.lastMovedOn, p.code).toBe(moves.at(-1)?.on ?? (p.state === "reserved" ? p.reservedOn : null));
    }
  });

  it("stores prices as integer 元 that the 万元 in the event converts to exactly", () => {
    const supplies = data.events.filter((e) => e.kind === "move" && e.toState === "supplied");
    expect(supplies.length).toBeGreaterThan(50);
    for (const p of data.parcels.filter((x) => x.priceYuan !== null)) {
      expect(Number.isInteger(p.priceYuan)).toBe(true);
      expect(p.supplyMethod).not.toBe("allocation");
    }
    for (const e of supplies) {
      const f = JSON.parse(e.data) as { method: string; priceWan?: number };
      expect(f.method === "allocation" ? f.priceWan === undefined : f.priceWan! > 0, e.data).toBe(true);
    }
  });
});
