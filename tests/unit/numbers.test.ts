import { describe, expect, it } from "vitest";
import { decimal } from "../../src/domain/fields";
import { parseWith } from "../../src/domain/issues";
import { parseDecimal } from "../../src/domain/numbers";
import { validateMove } from "../../src/domain/moves";

describe("parseDecimal (issue 10 §5: numbers as an officer types them)", () => {
  it.each([
    ["1,250.5", undefined, 1250.5],
    ["１２.５", undefined, 12.5],
    ["１，２５０．５", undefined, 1250.5],
    ["25.5亩", "mu", 25.5],
    ["25.5 亩", "mu", 25.5],
    ["25.5　亩", "mu", 25.5], // a full-width space
    [" 1,250.5万元 ", "wan", 1250.5],
    ["12㎡", "m2", 12],
    ["3 公顷", "ha", 3],
    ["-3", undefined, -3],
    ["0.5", undefined, 0.5],
  ] as const)("accepts %j (field in %s) as %d", (text, unit, value) => {
    expect(parseDecimal(text, unit)).toEqual({ ok: true, value });
  });

  it("refuses a different unit than the field's, saying which units", () => {
    expect(parseDecimal("25.5公顷", "mu")).toEqual({
      ok: false,
      code: "wrong_unit",
      params: { unit: "mu", written: "ha", text: "25.5公顷" },
    });
    expect(parseDecimal("25.5亩", "ha")).toMatchObject({ ok: false, code: "wrong_unit" });
  });

  it.each([
    ["十二亩", "mu"],
    ["abc", undefined],
    ["1,25.5", undefined], // a group after the first must hold three digits
    ["1.2.3", undefined],
    ["", undefined],
    ["25.5亩", undefined], // a field with no unit takes none
    ["25.5 英亩", "mu"],
    ["1e5", undefined],
  ] as const)("refuses %j as not a number", (text, unit) => {
    expect(parseDecimal(text, unit)).toEqual({ ok: false, code: "not_a_number" });
  });

  it("the schema's messages say what is expected and why a unit is refused", () => {
    const mu = decimal("mu");
    expect(parseWith(mu, "1,250.5")).toEqual({ ok: true, value: 1250.5 });
    expect(parseWith(mu, 12)).toEqual({ ok: true, value: 12 });
    expect(parseWith(mu, "十二")).toEqual({ ok: false, issues: [{ path: "_", code: "not_a_number" }] });
    expect(parseWith(mu, "25.5公顷")).toEqual({
      ok: false,
      issues: [{ path: "_", code: "wrong_unit", params: { unit: "亩", written: "公顷", text: "25.5公顷" } }],
    });
  });
});

describe("the supply price (万元) takes numbers as typed", () => {
  const supply = {
    to: "supplied" as const,
    date: "2023-11-01",
    version: 1,
    method: "listing",
    docNo: "出让合同-1",
    landUser: "某公司",
    agreedStartOn: "2023-12-01",
    agreedCompletionOn: "2024-12-01",
  };
  const from = { state: "reserved" as const, lastMovedOn: null };
  it.each([
    ["1,250.5", 1250.5],
    ["1250.5万元", 1250.5],
    ["１２５０.５", 1250.5],
  ])("%j is %d 万元", (priceWan, value) => {
    const r = validateMove(from, { ...supply, priceWan }, "2023-12-01");
    expect(r.ok && r.fields.priceWan).toBe(value);
  });
  it("refuses a price in 亩 saying why, and a blank one as required", () => {
    const wrong = validateMove(from, { ...supply, priceWan: "1250.5亩" }, "2023-12-01");
    expect(!wrong.ok && wrong.issues.map((i) => i.code)).toEqual(["wrong_unit"]);
    const blank = validateMove(from, { ...supply, priceWan: " " }, "2023-12-01");
    expect(!blank.ok && blank.issues.map((i) => i.code)).toEqual(["required"]);
  });
});
