import { describe, expect, it } from "vitest";
import { toM2 } from "../../src/domain/area";
import { areaInAllUnits, ceilingM2Of, grouped, implausibleArea, WRONG_UNIT_HA } from "../../src/domain/plausibility";
import { sortTowns } from "../../src/domain/towns";

const none = { ceilingM2: null, batchTotalM2: null };

describe("implausibleArea (issue 10 §3)", () => {
  it("names the figure in every unit: 99,999 公顷 = 1,499,985 亩 = 999,990,000 m²", () => {
    // 99,999 × 15 = 1,499,985 亩; 99,999 × 10,000 = 999,990,000 m².
    expect(areaInAllUnits(toM2(99999, "ha"), "ha")).toBe("99,999 公顷 = 1,499,985 亩 = 999,990,000 平方米");
    // 25.5 亩 = 25.5 / 15 = 1.7 公顷 = 17,000 m², the typed unit first.
    expect(areaInAllUnits(toM2(25.5, "mu"), "mu")).toBe("25.5 亩 = 1.7 公顷 = 17,000 平方米");
  });

  it("flags the wrong unit just above 1,500 公顷, not at it", () => {
    expect(WRONG_UNIT_HA).toBe(1500);
    expect(implausibleArea(15_000_000, "ha", none)).toEqual([]); // exactly 1,500 公顷
    const over = implausibleArea(15_000_001, "m2", none);
    expect(over.map((i) => [i.check, i.code])).toEqual([["unit", "area_wrong_unit"]]);
    expect(implausibleArea(14_999_999, "m2", none)).toEqual([]);
  });

  it("flags an area over the configured ceiling (day before, of and after the boundary)", () => {
    const limits = { ceilingM2: ceilingM2Of("500"), batchTotalM2: null };
    expect(limits.ceilingM2).toBe(5_000_000); // 500 公顷 × 10,000
    expect(implausibleArea(4_999_999, "m2", limits)).toEqual([]);
    expect(implausibleArea(5_000_000, "m2", limits)).toEqual([]);
    const over = implausibleArea(5_000_001, "m2", limits);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ check: "ceiling", path: "area", code: "area_over_ceiling" });
    expect(over[0]!.params!.ceiling).toBe("500 公顷 = 7,500 亩 = 5,000,000 平方米");
  });

  it("flags an area over the batch's approved total, and all three at once", () => {
    // The batch approved 30 亩 = 20,000 m².
    const limits = { ceilingM2: null, batchTotalM2: 20_000 };
    expect(implausibleArea(20_000, "mu", limits)).toEqual([]);
    expect(implausibleArea(20_001, "mu", limits).map((i) => i.check)).toEqual(["batch"]);
    const all = implausibleArea(toM2(99999, "ha"), "ha", { ceilingM2: 5_000_000, batchTotalM2: 20_000 });
    expect(all.map((i) => i.check)).toEqual(["unit", "ceiling", "batch"]);
  });

  it("reads no ceiling from a blank or malformed setting", () => {
    expect(ceilingM2Of("")).toBeNull();
    expect(ceilingM2Of(undefined)).toBeNull();
    expect(ceilingM2Of("abc")).toBeNull();
    expect(ceilingM2Of("-5")).toBeNull();
    expect(ceilingM2Of("0.5")).toBe(5000);
  });

  it("groups thousands and drops trailing zeros", () => {
    expect(grouped(1499985, 2)).toBe("1,499,985");
    expect(grouped(1234.5, 2)).toBe("1,234.5");
    expect(grouped(999, 0)).toBe("999");
  });
});

describe("sortTowns (pinyin by the place-name reading)", () => {
  it("puts 长水街道 (cháng) before 城南街道 (chéng): cha < che", () => {
    expect(sortTowns(["余新镇", "城南街道", "长水街道", "大桥镇"])).toEqual([
      "长水街道",
      "城南街道",
      "大桥镇",
      "余新镇",
    ]);
  });
});
