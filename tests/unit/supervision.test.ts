import { describe, expect, it } from "vitest";
import { parseWith } from "../../src/domain/issues";
import { supervisionNo } from "../../src/domain/supervision";
import { validateMove } from "../../src/domain/moves";

describe("电子监管号 (issue 10 §10)", () => {
  it.each([
    ["3304022023A00123", "16: a supply contract (330402 · 2023 · A · 00123)"],
    ["3304022023B00000123", "19: an approval record (330402 · 2023 · B · 00000123)"],
    ["3304021998C12345", "a 1990s year"],
  ])("accepts %s — %s", (v) => {
    expect(parseWith(supervisionNo, v)).toEqual({ ok: true, value: v });
  });

  it("reads full-width characters and a lowercase letter as their plain forms; blank is absent", () => {
    expect(parseWith(supervisionNo, "３３０４０２２０２３ａ００１２３")).toEqual({
      ok: true,
      value: "3304022023A00123",
    });
    expect(parseWith(supervisionNo, "  ")).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ["33040220231A0012", 16, "the letter out of place"],
    ["3304022023B0000012", 18, "18 characters"],
    ["3304022023B000001234", 20, "20 characters"],
    ["3304022023AB0123", 16, "two letters"],
    ["3304021823A00123", 16, "a year before 1900"],
    ["33040A2023A00123", 16, "a letter in the region code"],
  ])("refuses %s (%d characters: %s), saying both forms", (v, length) => {
    expect(parseWith(supervisionNo, v)).toEqual({
      ok: false,
      issues: [{ path: "_", code: "supervision_no_format", params: { length } }],
    });
  });

  it("a supply move takes either form and refuses a 17-character one beside the field", () => {
    const supply = {
      to: "supplied" as const,
      date: "2023-11-01",
      version: 1,
      method: "allocation",
      docNo: "D",
      landUser: "U",
      agreedStartOn: "2023-12-01",
      agreedCompletionOn: "2024-12-01",
    };
    const from = { state: "reserved" as const, lastMovedOn: null };
    expect(validateMove(from, { ...supply, supervisionNo: "3304022023A00123" }, "2023-12-01").ok).toBe(true);
    expect(validateMove(from, { ...supply, supervisionNo: "3304022023B00000123" }, "2023-12-01").ok).toBe(true);
    const bad = validateMove(from, { ...supply, supervisionNo: "3304022023B000001" }, "2023-12-01");
    expect(!bad.ok && bad.issues).toEqual([
      { path: "supervisionNo", code: "supervision_no_format", params: { length: 17 } },
    ]);
  });
});
