import { describe, expect, it } from "vitest";
import { allowedTargets, mayCorrect, moveKind, registrableState, STATES, type State } from "../../src/domain/chain";
import { validateMove } from "../../src/domain/moves";
import { correctionPatch, effectiveMoves, movePatch } from "../../src/domain/record";

// The table of docs/PRODUCT.md §3, written out by hand: every allowed move and nothing else.
const ALLOWED: [State, State, string][] = [
  ["planned", "approved", "forward"],
  ["approved", "acquired", "forward"],
  ["acquired", "reserved", "forward"],
  ["reserved", "supplied", "forward"],
  ["supplied", "started", "forward"],
  ["started", "completed", "forward"],
  ["approved", "reserved", "skip"],
  ["acquired", "supplied", "skip"],
  ["planned", "withdrawn", "withdraw"],
  ["approved", "withdrawn", "withdraw"],
  ["acquired", "withdrawn", "withdraw"],
  ["reserved", "withdrawn", "withdraw"],
];

describe("the chain of docs/PRODUCT.md §3", () => {
  it("allows exactly the moves of the table", () => {
    for (const from of STATES)
      for (const to of STATES) {
        const row = ALLOWED.find(([f, t]) => f === from && t === to);
        expect(moveKind(from, to), `${from} → ${to}`).toBe(row ? row[2] : null);
      }
  });

  it("has no way out of completed or withdrawn", () => {
    expect(allowedTargets("completed")).toEqual([]);
    expect(allowedTargets("withdrawn")).toEqual([]);
    expect(allowedTargets("approved")).toEqual(["acquired", "reserved", "withdrawn"]);
  });

  it("registers state land straight into the reserve, collective land never", () => {
    expect(registrableState("state", "reserved")).toBe(true);
    expect(registrableState("collective", "reserved")).toBe(false);
    expect(registrableState("collective", undefined)).toBe(true);
    expect(registrableState("state", "approved")).toBe(false);
  });
});

const today = "2023-06-30";
const base = { date: "2023-06-01", version: 3 };

describe("validateMove", () => {
  it("names every missing field of a supply", () => {
    const r = validateMove({ state: "reserved", lastMovedOn: "2023-01-01" }, { ...base, to: "supplied" }, today);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe("validation");
    // Without a method the land is not known to be allocated, so a price is asked for too.
    expect(r.issues.map((i) => i.path).sort()).toEqual([
      "agreedCompletionOn",
      "agreedStartOn",
      "docNo",
      "landUser",
      "method",
      "priceWan",
    ]);
  });

  it("needs a price unless the land is allocated", () => {
    const supply = {
      ...base,
      to: "supplied" as const,
      docNo: "嘉南出让〔2023〕5号",
      landUser: "嘉兴某公司",
      agreedStartOn: "2023-12-01",
      agreedCompletionOn: "2025-12-01",
    };
    const listed = validateMove({ state: "reserved", lastMovedOn: null }, { ...supply, method: "listing" }, today);
    expect(!listed.ok && listed.issues.map((i) => `${i.path}:${i.code}`)).toEqual(["priceWan:required"]);
    expect(validateMove({ state: "reserved", lastMovedOn: null }, { ...supply, method: "allocation" }, today).ok).toBe(
      true,
    );
  });

  it("needs a reason to skip a step", () => {
    const r = validateMove(
      { state: "approved", lastMovedOn: null },
      { ...base, to: "reserved", reserveNo: "CB2023-01" },
      today,
    );
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["skip_needs_reason"]);
    const ok = validateMove(
      { state: "approved", lastMovedOn: null },
      { ...base, to: "reserved", reserveNo: "CB2023-01", reason: "国有农用地，无需征收" },
      today,
    );
    expect(ok.ok).toBe(true);
  });

  it("refuses a forbidden move as invalid_move before looking at fields", () => {
    const r = validateMove({ state: "planned", lastMovedOn: null }, { ...base, to: "supplied" }, today);
    expect(r.ok === false && r.error).toBe("invalid_move");
  });

  it("requires a 19-character supervision number when one is given", () => {
    const supply = {
      ...base,
      to: "supplied" as const,
      method: "allocation",
      docNo: "D",
      landUser: "U",
      agreedStartOn: "2023-12-01",
      agreedCompletionOn: "2023-12-01",
    };
    // 17 characters is neither form (16 for a contract, 19 for an approval record: domain/supervision.ts).
    const short = validateMove(
      { state: "reserved", lastMovedOn: null },
      { ...supply, supervisionNo: "3304022023B000001" },
      today,
    );
    expect(!short.ok && short.issues[0].path).toBe("supervisionNo");
    expect(
      validateMove({ state: "reserved", lastMovedOn: null }, { ...supply, supervisionNo: "3304022023B00001234" }, today)
        .ok,
    ).toBe(true);
  });
});

describe("corrections", () => {
  it("lets admins and the same officer on the same day correct", () => {
    const move = { actorId: 7, movedOnDay: "2023-06-30" };
    expect(mayCorrect({ id: 1, role: "admin" }, move, "2023-07-05")).toBe(true);
    expect(mayCorrect({ id: 7, role: "officer" }, move, "2023-06-30")).toBe(true);
    expect(mayCorrect({ id: 7, role: "officer" }, move, "2023-07-01")).toBe(false);
    expect(mayCorrect({ id: 8, role: "officer" }, move, "2023-06-30")).toBe(false);
    expect(mayCorrect({ id: 7, role: "lead" }, move, "2023-06-30")).toBe(false);
  });

  it("pops the latest move in force for each correction", () => {
    const ev = (id: number, kind: string, from: string | null, to: string | null) => ({
      id,
      kind,
      fromState: from,
      toState: to,
      on: `2023-01-0${id}`,
      revertsEventId: null,
    });
    // An edit is correctable like a move (issue 10 §1): the first correction takes back the edit (3), the second
    // the move under it (2); what stays in force is move 1 and the move recorded after (6).
    const events = [
      ev(1, "move", "planned", "approved"),
      ev(2, "move", "approved", "acquired"),
      ev(3, "edit", "acquired", "acquired"),
      ev(4, "correction", "acquired", "acquired"),
      ev(5, "correction", "acquired", "approved"),
      ev(6, "move", "approved", "acquired"),
    ];
    expect(effectiveMoves(events).map((e) => e.id)).toEqual([1, 6]);
    // Before any correction, the edit is the latest thing in force.
    expect(effectiveMoves(events.slice(0, 3)).map((e) => e.id)).toEqual([1, 2, 3]);
  });

  it("clears the undone state's fields and restores the previous date", () => {
    const supply = movePatch("supplied", "2023-05-01", {
      method: "listing",
      docNo: "D",
      landUser: "U",
      priceWan: 1234.5678,
      agreedStartOn: "2023-11-01",
      agreedCompletionOn: "2025-11-01",
    });
    expect(supply.priceYuan).toBe(12345678);
    const undo = correctionPatch(
      {
        id: 9,
        kind: "move",
        fromState: "reserved",
        toState: "supplied",
        on: "2023-05-01",
        revertsEventId: null,
        data: {},
      },
      "2023-02-01",
    );
    expect(undo).toEqual({
      state: "reserved",
      lastMovedOn: "2023-02-01",
      suppliedOn: null,
      supplyMethod: null,
      supplyDocNo: null,
      landUser: null,
      priceYuan: null,
      agreedStartOn: null,
      // The supply also records the original agreed start (delays, issue 9 §6); its correction clears it.
      originalAgreedStartOn: null,
      agreedCompletionOn: null,
      supervisionNo: null,
    });
  });

  it("undoing a delay puts back the agreed start it replaced and touches nothing else", () => {
    const data = { newAgreedStartOn: "2024-06-01", previousAgreedStartOn: "2023-12-01" };
    const delay = { id: 7, kind: "delay", fromState: "supplied", toState: "supplied", on: "2023-11-20" };
    expect(correctionPatch({ ...delay, revertsEventId: null, data }, "2023-04-10")).toEqual({
      agreedStartOn: "2023-12-01",
    });
  });
});
