import { describe, expect, it } from "vitest";
import { countText, grouped, haText, muText } from "../../views/components/figures";
import { searchPlan } from "../../src/domain/search";

describe("figures read like a ledger", () => {
  it.each([
    [0, 2, "0.00"],
    [999.995, 2, "1,000.00"],
    [1499985, 2, "1,499,985.00"],
    [1234567.891, 2, "1,234,567.89"],
    [-1234.5, 2, "-1,234.50"],
    [100, 0, "100"],
    [1000, 0, "1,000"],
  ])("grouped(%d, %d) = %s", (value, digits, text) => {
    expect(grouped(value, digits)).toBe(text);
  });
  it("shows 99,999 公顷 as 1,499,985.00 亩 and 99,999.0000 公顷", () => {
    // 99999 公顷 = 999,990,000 m²; × 15 / 10000 = 1,499,985 亩.
    expect(muText(999_990_000)).toBe("1,499,985.00");
    expect(haText(999_990_000)).toBe("99,999.0000");
    expect(countText(50000)).toBe("50,000");
  });
});

describe("a search as the store is asked", () => {
  it("cuts two-character pieces, distinct, and checks rows only beyond two characters", () => {
    expect(searchPlan("南溪路")).toEqual({ kind: "grams", grams: ["南溪", "溪路"], needle: "南溪路", verify: true });
    expect(searchPlan("00314")).toEqual({
      kind: "grams",
      grams: ["00", "03", "31", "14"],
      needle: "00314",
      verify: true,
    });
    expect(searchPlan("南溪")).toEqual({ kind: "grams", grams: ["南溪"], needle: "南溪", verify: false });
    expect(searchPlan("aaaa")).toEqual({ kind: "grams", grams: ["aa"], needle: "aaaa", verify: true });
  });
  it("folds ASCII letters and full-width forms like the stored text, and trims", () => {
    expect(searchPlan(" ＧＢ0 ")).toEqual({ kind: "grams", grams: ["gb", "b0"], needle: "gb0", verify: true });
  });
  it("takes one character as the start of a code, a letter in capitals; nothing for blank", () => {
    expect(searchPlan("g")).toEqual({ kind: "prefix", start: "G" });
    expect(searchPlan("南")).toEqual({ kind: "prefix", start: "南" });
    expect(searchPlan("   ")).toBeNull();
  });
});
