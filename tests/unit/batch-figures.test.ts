import { describe, expect, it } from "vitest";
import {
  ageSince,
  benchmarkFigure,
  benchmarkWindow,
  formatRate,
  roundRate,
  supplyRate,
} from "../../src/domain/batch-figures";

describe("supply rate (docs/PRODUCT.md §4: supplied ÷ (approved − withdrawn), by area)", () => {
  it("divides supplied by what is left of the approval", () =>
    expect(supplyRate({ approvedM2: 1000, withdrawnM2: 200, suppliedM2: 400 })).toBe(0.5));
  it("is null when nothing is left to supply", () => {
    expect(supplyRate({ approvedM2: 0, withdrawnM2: 0, suppliedM2: 0 })).toBeNull();
    expect(supplyRate({ approvedM2: 300, withdrawnM2: 300, suppliedM2: 0 })).toBeNull();
  });
  it("is 1 when everything left was supplied", () =>
    expect(supplyRate({ approvedM2: 900, withdrawnM2: 100, suppliedM2: 800 })).toBe(1));
  it("rounds to 4 decimals for the API and 2 decimals of a percent for people", () => {
    expect(roundRate(2 / 3)).toBe(0.6667);
    expect(formatRate(2 / 3)).toBe("66.67%");
    expect(formatRate(null)).toBe("—");
  });
});

describe("five-year benchmark (60%)", () => {
  it("looks back over the last five full calendar years", () => {
    expect(benchmarkWindow("2026-11-28")).toEqual({
      fromYear: 2021,
      toYear: 2025,
      from: "2021-01-01",
      to: "2025-12-31",
    });
    expect(benchmarkWindow("2024-01-01")).toEqual({
      fromYear: 2019,
      toYear: 2023,
      from: "2019-01-01",
      to: "2023-12-31",
    });
  });
  it("says how much must still be supplied to reach 60%", () => {
    // 60% of (10,000 − 0) = 6,000; 5,000 supplied → 1,000 m² short.
    expect(benchmarkFigure({ approvedM2: 10000, withdrawnM2: 0, suppliedM2: 5000 })).toEqual({
      rate: 0.5,
      benchmark: 0.6,
      meets: false,
      shortfallM2: 1000,
    });
  });
  it("meets the benchmark exactly at 60%", () => {
    expect(benchmarkFigure({ approvedM2: 12000, withdrawnM2: 2000, suppliedM2: 6000 })).toEqual({
      rate: 0.6,
      benchmark: 0.6,
      meets: true,
      shortfallM2: 0,
    });
  });
  it("rounds the shortfall up to a whole m²", () => {
    // 60% of 1,001 = 600.6 → 601 m² still to supply.
    expect(benchmarkFigure({ approvedM2: 1001, withdrawnM2: 0, suppliedM2: 0 }).shortfallM2).toBe(601);
  });
  it("has no shortfall with nothing approved", () => {
    expect(benchmarkFigure({ approvedM2: 0, withdrawnM2: 0, suppliedM2: 0 })).toEqual({
      rate: null,
      benchmark: 0.6,
      meets: true,
      shortfallM2: 0,
    });
  });
  it("follows a different benchmark setting", () => {
    const rules = { supplyBenchmarkPercent: 70, benchmarkYears: 3, lapseYears: 2, lapseWarningDays: 90 };
    expect(benchmarkFigure({ approvedM2: 10000, withdrawnM2: 0, suppliedM2: 5000 }, rules).shortfallM2).toBe(2000);
    expect(benchmarkWindow("2026-05-01", rules)).toMatchObject({ fromYear: 2023, toYear: 2025 });
  });
});

describe("age since approval", () => {
  it("is zero on the day of approval", () =>
    expect(ageSince("2023-03-01", "2023-03-01")).toEqual({ years: 0, days: 0 }));
  it("counts whole years and the days since the last anniversary", () =>
    expect(ageSince("2020-06-30", "2023-07-10")).toEqual({ years: 3, days: 10 }));
  it("takes 28 Feb as the anniversary of 29 Feb", () => {
    // 2024-02-29 → 2025-02-28 is 365 days (no 29 Feb in between), so 2025-02-27 is day 364.
    expect(ageSince("2024-02-29", "2025-02-27")).toEqual({ years: 0, days: 364 });
    expect(ageSince("2024-02-29", "2025-02-28")).toEqual({ years: 1, days: 0 });
  });
  it("is null before approval", () => expect(ageSince("2023-03-01", "2023-02-28")).toBeNull());
});
