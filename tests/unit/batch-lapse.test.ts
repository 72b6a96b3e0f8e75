import { describe, expect, it } from "vitest";
import { lapseDate, lapseLevel, lapseWarningFrom } from "../../src/domain/lapse";

const approvedOn = (date: string) => ({ state: "approved", approvedOn: date });

describe("approval lapse (docs/PRODUCT.md §4: lapse_soon from 90 days before the 2nd anniversary, lapsed after it)", () => {
  // Approved 2023-03-01 → anniversary 2025-03-01. 90 days back: 28 (Feb 2025) + 31 (Jan) + 31 (Dec) → 2024-12-01.
  const p = approvedOn("2023-03-01");
  it("shows nothing on the day before the warning starts", () => expect(lapseLevel(p, "2024-11-30")).toBeNull());
  it("shows lapse_soon from the 90th day before the anniversary", () =>
    expect(lapseLevel(p, "2024-12-01")).toBe("lapse_soon"));
  it("shows lapse_soon on the day before the anniversary", () =>
    expect(lapseLevel(p, "2025-02-28")).toBe("lapse_soon"));
  it("still shows lapse_soon on the anniversary itself (the last day of the two years)", () =>
    expect(lapseLevel(p, "2025-03-01")).toBe("lapse_soon"));
  it("shows lapsed from the day after the anniversary", () => expect(lapseLevel(p, "2025-03-02")).toBe("lapsed"));
  it("stays lapsed years later", () => expect(lapseLevel(p, "2030-01-01")).toBe("lapsed"));
  it("shows nothing right after approval", () => expect(lapseLevel(p, "2023-03-01")).toBeNull());

  // Approved 29 Feb 2024 → the period ends 28 Feb 2026 (no 29 Feb). 90 days back: 27 (Feb) + 31 (Jan) + 31 (Dec) + 1 → 2025-11-30.
  const leap = approvedOn("2024-02-29");
  it("counts an approval on 29 Feb to 28 Feb two years later", () => {
    expect(lapseWarningFrom("2024-02-29")).toBe("2025-11-30");
    expect(lapseDate("2024-02-29")).toBe("2026-03-01");
  });
  it("29 Feb: nothing on the day before the warning", () => expect(lapseLevel(leap, "2025-11-29")).toBeNull());
  it("29 Feb: lapse_soon on the first warning day", () => expect(lapseLevel(leap, "2025-11-30")).toBe("lapse_soon"));
  it("29 Feb: lapse_soon on 28 Feb, the anniversary", () => expect(lapseLevel(leap, "2026-02-28")).toBe("lapse_soon"));
  it("29 Feb: lapsed on 1 Mar", () => expect(lapseLevel(leap, "2026-03-01")).toBe("lapsed"));

  // Approved 2023-12-31 → anniversary 2025-12-31; 90 days back: 30 (Dec) + 30 (Nov) + 30 (Oct 31 → Oct 2) → 2025-10-02.
  const yearEnd = approvedOn("2023-12-31");
  it("year end: nothing on 2025-10-01, lapse_soon on 2025-10-02", () => {
    expect(lapseLevel(yearEnd, "2025-10-01")).toBeNull();
    expect(lapseLevel(yearEnd, "2025-10-02")).toBe("lapse_soon");
  });
  it("year end: lapse_soon on 2025-12-31, lapsed on 2026-01-01", () => {
    expect(lapseLevel(yearEnd, "2025-12-31")).toBe("lapse_soon");
    expect(lapseLevel(yearEnd, "2026-01-01")).toBe("lapsed");
  });

  it("only watches parcels still in approved: expropriated, reserved, withdrawn or planned ones never lapse", () => {
    for (const state of ["planned", "acquired", "reserved", "supplied", "withdrawn"])
      expect(lapseLevel({ state, approvedOn: "2020-01-01" }, "2026-01-01")).toBeNull();
    expect(lapseLevel({ state: "approved", approvedOn: null }, "2026-01-01")).toBeNull();
  });

  it("follows the settings when they differ from the defaults", () => {
    const rules = { supplyBenchmarkPercent: 60, benchmarkYears: 5, lapseYears: 1, lapseWarningDays: 30 };
    // Approved 2023-03-01 → anniversary 2024-03-01; 30 days back: 29 (Feb 2024) + 1 → 2024-01-31.
    expect(lapseLevel(p, "2024-01-30", rules)).toBeNull();
    expect(lapseLevel(p, "2024-01-31", rules)).toBe("lapse_soon");
    expect(lapseLevel(p, "2024-03-01", rules)).toBe("lapse_soon");
    expect(lapseLevel(p, "2024-03-02", rules)).toBe("lapsed");
  });
});
