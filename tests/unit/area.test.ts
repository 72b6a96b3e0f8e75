import { describe, expect, it } from "vitest";
import { formatHa, formatMu, haRounded, muRounded, toM2 } from "../../src/domain/area";

describe("area units (docs/PRODUCT.md §2)", () => {
  it("stores 616.2 亩 as 410800 m² and shows 616.20 亩 / 41.0800 公顷", () => {
    // 616.2 × 10000 / 15 = 6,162,000 / 15 = 410,800 exactly.
    expect(toM2(616.2, "mu")).toBe(410800);
    expect(formatMu(410800)).toBe("616.20");
    expect(formatHa(410800)).toBe("41.0800");
  });

  it("makes 1 公顷 exactly 15 亩", () => {
    expect(toM2(1, "ha")).toBe(10000);
    expect(toM2(15, "mu")).toBe(10000);
    expect(muRounded(10000)).toBe(15);
    expect(haRounded(10000)).toBe(1);
  });

  it("rounds to whole square metres half up", () => {
    // 1 亩 = 666.666… m² → 667; 0.5 m² → 1.
    expect(toM2(1, "mu")).toBe(667);
    expect(toM2(0.5, "m2")).toBe(1);
    expect(toM2(0.4, "m2")).toBe(0);
  });

  it("rounds 亩 to 2 and 公顷 to 4 decimals", () => {
    // 667 m² × 15 / 10000 = 1.0005 亩 → 1.00 (the third decimal is 0).
    expect(formatMu(667)).toBe("1.00");
    expect(formatHa(667)).toBe("0.0667");
    // 1 m² = 0.0015 亩 → 0.00; = 0.0001 公顷.
    expect(formatMu(1)).toBe("0.00");
    expect(formatHa(1)).toBe("0.0001");
    // 334 m² = 0.501 亩 → 0.50; 337 m² = 0.5055 亩 → 0.51
    expect(formatMu(334)).toBe("0.50");
    expect(formatMu(337)).toBe("0.51");
  });

  it("round-trips a value typed in 亩 to the same two decimals", () => {
    for (const mu of [0.01, 1.23, 12.5, 99.99, 1800, 616.2]) expect(muRounded(toM2(mu, "mu"))).toBe(mu);
  });
});
