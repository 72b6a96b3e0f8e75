import { describe, expect, it } from "vitest";
import {
  daysLate,
  daysToGo,
  delayAllowed,
  delayLimit,
  idleFeeWan,
  idleLevel,
  idleStatus,
  latestStartYearsBefore,
  levelStartRanges,
  nextThreshold,
  warningGroup,
  warningStartRanges,
} from "../../src/domain/idle-land";
import { addDays } from "../../src/domain/dates";
import { IDLE_RULES } from "../../src/domain/idle-rules";

// Each case: [D, level, warning group]. Dates worked out by hand from S.
type Case = [d: string, level: ReturnType<typeof idleLevel>, warning: number | null];

function check(s: string, cases: Case[]) {
  for (const [d, level, warning] of cases) {
    expect(idleLevel(s, d), `level on ${d}`).toBe(level);
    expect(warningGroup(s, d), `warning on ${d}`).toBe(warning);
  }
}

describe("idle levels and early warnings around S = 2023-06-15 (docs/PRODUCT.md §6)", () => {
  const S = "2023-06-15";
  // S−90: back 15 days → 31 May, 45 → 1 May, 75 → 1 Apr (April has 30), 90 → 17 Mar.
  it("S−90: nothing on the day before; within 90 on the day and the day after", () =>
    check(S, [
      ["2023-03-16", null, null],
      ["2023-03-17", null, 90],
      ["2023-03-18", null, 90],
    ]));
  // S−30: back 15 → 31 May, 30 → 16 May.
  it("S−30: within 90 the day before; due_soon and within 30 on the day and after", () =>
    check(S, [
      ["2023-05-15", null, 90],
      ["2023-05-16", "due_soon", 30],
      ["2023-05-17", "due_soon", 30],
    ]));
  it("S−7: within 30 the day before; within 7 on the day and after", () =>
    check(S, [
      ["2023-06-07", "due_soon", 30],
      ["2023-06-08", "due_soon", 7],
      ["2023-06-09", "due_soon", 7],
    ]));
  it("S: due_soon the day before; overdue and no warning on S and after", () =>
    check(S, [
      ["2023-06-14", "due_soon", 7],
      ["2023-06-15", "overdue", null],
      ["2023-06-16", "overdue", null],
    ]));
  it("S+1y: overdue the day before; idle_fee on the anniversary and after", () =>
    check(S, [
      ["2024-06-14", "overdue", null],
      ["2024-06-15", "idle_fee", null],
      ["2024-06-16", "idle_fee", null],
    ]));
  it("S+2y: idle_fee the day before; recovery on the anniversary and after", () =>
    check(S, [
      ["2025-06-14", "idle_fee", null],
      ["2025-06-15", "recovery", null],
      ["2025-06-16", "recovery", null],
      ["2035-01-01", "recovery", null],
    ]));
});

describe("idle levels around S = 2024-02-29: a year later is 28 February", () => {
  const S = "2024-02-29";
  // S−90: back 29 → 31 Jan, 60 → 31 Dec 2023, 90 → 1 Dec 2023. S−30 = 30 Jan. S−7 = 22 Feb.
  it("S−90", () =>
    check(S, [
      ["2023-11-30", null, null],
      ["2023-12-01", null, 90],
      ["2023-12-02", null, 90],
    ]));
  it("S−30", () =>
    check(S, [
      ["2024-01-29", null, 90],
      ["2024-01-30", "due_soon", 30],
      ["2024-01-31", "due_soon", 30],
    ]));
  it("S−7", () =>
    check(S, [
      ["2024-02-21", "due_soon", 30],
      ["2024-02-22", "due_soon", 7],
      ["2024-02-23", "due_soon", 7],
    ]));
  it("S", () =>
    check(S, [
      ["2024-02-28", "due_soon", 7],
      ["2024-02-29", "overdue", null],
      ["2024-03-01", "overdue", null],
    ]));
  it("S+1y = 2025-02-28", () =>
    check(S, [
      ["2025-02-27", "overdue", null],
      ["2025-02-28", "idle_fee", null],
      ["2025-03-01", "idle_fee", null],
    ]));
  it("S+2y = 2026-02-28", () =>
    check(S, [
      ["2026-02-27", "idle_fee", null],
      ["2026-02-28", "recovery", null],
      ["2026-03-01", "recovery", null],
    ]));
  it("counts 365 days late on 2025-02-28 (March 2024 – February 2025 has no 29th)", () =>
    expect(daysLate(S, "2025-02-28")).toBe(365));
});

describe("days late, days to go and the next threshold", () => {
  const S = "2023-06-15";
  it("counts days to go before S and days late from S on", () => {
    expect(daysToGo(S, "2023-06-14")).toBe(1);
    expect(daysLate(S, "2023-06-14")).toBeNull();
    expect(daysToGo(S, "2023-06-15")).toBeNull();
    expect(daysLate(S, "2023-06-15")).toBe(0);
    expect(daysLate(S, "2023-07-15")).toBe(30);
    expect(daysToGo(S, "2023-03-17")).toBe(90);
  });
  it("names the next level and the days until it", () => {
    // 2023-03-07 → 2023-05-16: 24 (rest of March) + 30 (April) + 16 = 70.
    expect(nextThreshold(S, "2023-03-07")).toEqual({ level: "due_soon", on: "2023-05-16", days: 70 });
    expect(nextThreshold(S, "2023-05-15")).toEqual({ level: "due_soon", on: "2023-05-16", days: 1 });
    expect(nextThreshold(S, "2023-05-16")).toEqual({ level: "overdue", on: "2023-06-15", days: 30 });
    // A year that contains 29 Feb 2024: 366 days.
    expect(nextThreshold(S, "2023-06-15")).toEqual({ level: "idle_fee", on: "2024-06-15", days: 366 });
    expect(nextThreshold(S, "2025-06-14")).toEqual({ level: "recovery", on: "2025-06-15", days: 1 });
    expect(nextThreshold(S, "2025-06-15")).toBeNull();
  });
});

describe("idle fee: 20% of the price in 万元, rounded half up to 0.01", () => {
  it("rounds on integer 元", () => {
    // 1,234,567 元 × 20% = 246,913.4 元 = 24.69134 万元 → 24.69.
    expect(idleFeeWan(1_234_567)).toBe(24.69);
    // 1,800 万元 = 18,000,000 元 → 3,600,000 元 = 360 万元.
    expect(idleFeeWan(18_000_000)).toBe(360);
    // 250 元 → 50 元 = 0.005 万元 → half up → 0.01; 249 元 → 49.8 元 → 0.00.
    expect(idleFeeWan(250)).toBe(0.01);
    expect(idleFeeWan(249)).toBe(0);
    // 750 元 → 150 元 = 0.015 万元 → 0.02.
    expect(idleFeeWan(750)).toBe(0.02);
    // 51,750 元 → 10,350 元 = 1.035 万元 → 1.04; floating point on 万元 (5.175 × 0.2 × 100 = 103.4999…) gives 1.03.
    expect(idleFeeWan(51_750)).toBe(1.04);
    // 123.4575 万元 = 1,234,575 元 → 246,915 元 = 24.6915 → 24.69 (below the half).
    expect(idleFeeWan(1_234_575)).toBe(24.69);
    // 1,234,625 元 → 246,925 元 = 24.6925 → 24.69; 1,234,750 元 → 246,950 = 24.695 → 24.70.
    expect(idleFeeWan(1_234_625)).toBe(24.69);
    expect(idleFeeWan(1_234_750)).toBe(24.7);
    expect(idleFeeWan(0)).toBe(0);
  });
  it("follows the percentage setting", () => {
    // 10% of 1,000,000 元 = 100,000 元 = 10 万元.
    expect(idleFeeWan(1_000_000, { ...IDLE_RULES, idleFeePercent: 10 })).toBe(10);
  });
});

describe("a parcel's idle status", () => {
  const p = { suppliedOn: "2023-01-10", startedOn: null, agreedStartOn: "2023-06-15", priceYuan: 12_345_678 };
  it("charges the fee only from idle_fee on", () => {
    expect(idleStatus(p, "2024-06-14")?.feeWan).toBeNull();
    // 12,345,678 元 × 20% = 2,469,135.6 元 = 246.91356 万元 → 246.91.
    expect(idleStatus(p, "2024-06-15")?.feeWan).toBe(246.91);
    expect(idleStatus(p, "2025-06-15")?.feeWan).toBe(246.91);
    expect(idleStatus({ ...p, priceYuan: null }, "2024-06-15")?.feeWan).toBeNull();
  });
  it("gathers level, warning, days and next threshold", () => {
    expect(idleStatus(p, "2023-06-08")).toEqual({
      level: "due_soon",
      warning: 7,
      daysLate: null,
      daysToGo: 7,
      next: { level: "overdue", on: "2023-06-15", days: 7 },
      feeWan: null,
    });
  });
  it("watches only parcels supplied and not started on D", () => {
    expect(idleStatus(p, "2023-01-09")).toBeNull(); // not yet supplied
    expect(idleStatus({ ...p, startedOn: "2023-07-01" }, "2023-07-01")).toBeNull(); // started that day
    expect(idleStatus({ ...p, startedOn: "2023-07-01" }, "2023-06-30")?.level).toBe("overdue"); // starts later
    expect(idleStatus({ ...p, suppliedOn: null, agreedStartOn: null }, "2023-07-01")).toBeNull();
  });
});

describe("government-cause delay: later than now, at most one year after the original start", () => {
  const original = "2023-06-15";
  it("allows up to and including the first anniversary of the original", () => {
    expect(delayLimit(original)).toBe("2024-06-15");
    expect(delayAllowed(original, original, "2023-06-16")).toBeNull();
    expect(delayAllowed(original, original, "2024-06-14")).toBeNull();
    expect(delayAllowed(original, original, "2024-06-15")).toBeNull();
    expect(delayAllowed(original, original, "2024-06-16")).toBe("delay_over_limit");
  });
  it("refuses a date that is not after the one in force", () => {
    expect(delayAllowed(original, original, original)).toBe("delay_not_later");
    expect(delayAllowed(original, "2023-10-01", "2023-09-01")).toBe("delay_not_later");
    expect(delayAllowed(original, "2023-10-01", "2023-10-01")).toBe("delay_not_later");
  });
  it("measures a second delay from the original, not from the first delay", () => {
    expect(delayAllowed(original, "2024-01-01", "2024-06-15")).toBeNull();
    expect(delayAllowed(original, "2024-01-01", "2024-06-16")).toBe("delay_over_limit");
    expect(delayAllowed(original, "2024-06-15", "2024-06-16")).toBe("delay_over_limit");
  });
  it("limits an original of 29 Feb to 28 Feb a year later", () => {
    expect(delayLimit("2024-02-29")).toBe("2025-02-28");
    expect(delayAllowed("2024-02-29", "2024-02-29", "2025-02-28")).toBeNull();
    expect(delayAllowed("2024-02-29", "2024-02-29", "2025-03-01")).toBe("delay_over_limit");
  });
  it("moves the thresholds: levels count from the new date", () => {
    // Delayed from 2023-06-15 to 2024-03-01: on 2024-02-01 (29 days to go) the parcel is due_soon again.
    expect(idleLevel(original, "2024-02-01")).toBe("overdue");
    expect(idleLevel("2024-03-01", "2024-02-01")).toBe("due_soon");
  });
});

describe("the agreed starts each level and warning group holds on D (what SQL compares with)", () => {
  it("the latest start whose n-th anniversary has come by D, 29 February included", () => {
    // addYears(2024-03-01, 1) = 2025-03-01 ≤ D; 2024-03-02 would come on 2025-03-02.
    expect(latestStartYearsBefore("2025-03-01", 1)).toBe("2024-03-01");
    // 29 Feb 2024 + 1 year = 28 Feb 2025: on the day; 1 March 2024 only on 1 March 2025.
    expect(latestStartYearsBefore("2025-02-28", 1)).toBe("2024-02-29");
    // The day before: 28 Feb 2024 + 1 year = 28 Feb 2025 > 27 Feb, so 27 Feb 2024.
    expect(latestStartYearsBefore("2025-02-27", 1)).toBe("2024-02-27");
  });

  it("levels as (after, upTo] ranges of S on 2025-03-01", () => {
    // recovery: S + 2y ≤ D ⇔ S ≤ 2023-03-01; idle_fee: S ≤ 2024-03-01; overdue: S ≤ D; due_soon: S ≤ D + 30 = 03-31.
    expect(levelStartRanges("2025-03-01")).toEqual({
      recovery: { after: null, upTo: "2023-03-01" },
      idle_fee: { after: "2023-03-01", upTo: "2024-03-01" },
      overdue: { after: "2024-03-01", upTo: "2025-03-01" },
      due_soon: { after: "2025-03-01", upTo: "2025-03-31" },
    });
  });

  it("warning groups as ranges: 1–7, 8–30 and 31–90 days ahead", () => {
    // D + 7 = 03-08, D + 30 = 03-31, D + 90 = 05-30 (March 31 days, April 30: 30 + 30 + 30).
    expect(warningStartRanges("2025-03-01")).toEqual([
      { days: 7, range: { after: "2025-03-01", upTo: "2025-03-08" } },
      { days: 30, range: { after: "2025-03-08", upTo: "2025-03-31" } },
      { days: 90, range: { after: "2025-03-31", upTo: "2025-05-30" } },
    ]);
  });

  it("agree with idleLevel and warningGroup on the day each range ends and the day after", () => {
    const d = "2025-02-28";
    const levels = levelStartRanges(d);
    for (const [level, r] of Object.entries(levels)) {
      expect(idleLevel(r.upTo, d)).toBe(level);
      if (r.after !== null) expect(idleLevel(addDays(r.after, 1), d)).toBe(level);
    }
    for (const w of warningStartRanges(d)) {
      expect(warningGroup(w.range.upTo, d)).toBe(w.days);
      expect(warningGroup(addDays(w.range.after ?? d, 1), d)).toBe(w.days);
    }
    expect(idleLevel(addDays(levels.due_soon.upTo, 1), d)).toBeNull();
    expect(warningGroup("2025-05-30", d)).toBeNull(); // D + 91 (Feb 28 + 90 = May 29)
  });
});
