import { describe, expect, it } from "vitest";
import { muRounded, toM2 } from "../../src/domain/area";
import {
  burnDown,
  daysInYear,
  daysLeft,
  forecastReach,
  paceNeeded,
  paceWindow,
  progress,
  yearShareGone,
} from "../../src/domain/burn-down";
import { digestedIn, tally, type DigestionFacts } from "../../src/domain/digestion";

const f = (
  approvedOn: string,
  left: { suppliedOn?: string; withdrawnOn?: string },
  areaM2: number,
): DigestionFacts => ({
  approvedOn,
  suppliedOn: left.suppliedOn ?? null,
  withdrawnOn: left.withdrawnOn ?? null,
  areaM2,
  town: "新丰镇",
  batchId: null,
});

// A hand-built 2023 (365 days; 1 January is a Sunday) with the work summary's target of 1,800 亩.
const TARGET = toM2(1800, "mu"); // 1800 × 10000 ÷ 15 = 1,200,000 m²
const D = "2023-06-30"; // a Friday; day 181 of the year (31+28+31+30+31+30)
const a = f("2022-03-01", { suppliedOn: "2023-01-01" }, 10_000);
const b = f("2021-07-01", { withdrawnOn: "2023-05-05" }, 4_000); // the day before the eight-week window
const c = f("2022-05-01", { suppliedOn: "2023-05-06" }, 150_000); // its first day: D − 55
const d = f("2022-05-01", { suppliedOn: "2023-06-05" }, 200_000);
const e = f("2022-09-09", { suppliedOn: "2023-06-30" }, 100_000); // on D itself
const later = f("2022-09-09", { suppliedOn: "2023-07-10" }, 50_000); // after D
const newIn2023 = f("2023-01-10", { suppliedOn: "2023-06-01" }, 300_000); // not year-start stock
const stuck = f("2020-01-01", {}, 500_000);
const gone2022 = f("2022-02-02", { suppliedOn: "2022-12-31" }, 70_000);
const YEAR = [a, b, c, d, e, later, newIn2023, stuck, gone2022];

describe("burn-down of a hand-built 2023 (issue 9 §4)", () => {
  it("digested 464,000 m² by D: remaining 736,000 m²", () => {
    // a + b + c + d + e = 10,000 + 4,000 + 150,000 + 200,000 + 100,000 = 464,000.
    expect(TARGET).toBe(1_200_000);
    expect(tally(digestedIn(YEAR, 2023, D))).toEqual({ count: 5, areaM2: 464_000 });
    expect(progress(464_000, TARGET)).toBeCloseTo(464 / 1200, 12);
    expect(yearShareGone(2023, D)).toBe(181 / 365);
  });

  it("needs 28,000 m² (42 亩) a week: 736,000 m² over 184 days left = 26.29 weeks", () => {
    // Days after 30 June to 31 December: 365 − 181 = 184. 736,000 × 7 ÷ 184 = 28,000 (184 × 4,000 = 736,000).
    expect(daysLeft(2023, D)).toBe(184);
    expect(paceNeeded(464_000, TARGET, 2023, D)).toBe(28_000);
    expect(muRounded(28_000)).toBe(42);
  });

  it("forecasts 2023-09-30 at the pace of the last eight weeks", () => {
    // Window 2023-05-06 … 06-30 = 56 days: c + d + e = 450,000 m² (b on 05-05 falls just outside).
    // Days needed: 736,000 × 56 ÷ 450,000 = 91.59 → 92 (after 91 days only 731,250 m² more).
    // 30 June + 92 days: July 31 → 31 July (+31), August 31 → 31 August (+62), September 30 → 30 September.
    expect(paceWindow(2023, D)).toEqual({ from: "2023-05-06", days: 56 });
    expect(forecastReach(YEAR, 2023, D, TARGET)).toBe("2023-09-30");
  });

  it("says 'not this year' when the recent pace would finish after 31 December", () => {
    // Move c and d out of the window: only e's 100,000 m² in 56 days → 736,000 × 56 ÷ 100,000 = 412.16 → 413 days.
    const slow = [
      a,
      b,
      f("2022-05-01", { suppliedOn: "2023-05-05" }, 150_000),
      f("2022-05-01", { suppliedOn: "2023-03-01" }, 200_000),
      e,
    ];
    expect(forecastReach(slow, 2023, D, TARGET)).toBeNull();
  });

  it("says 'not this year' when nothing was digested in the last eight weeks", () => {
    expect(forecastReach([a, stuck], 2023, D, TARGET)).toBeNull();
  });

  it("gives the day the target was reached once it has been", () => {
    // Running total: 01-01 10,000; 05-05 14,000; 05-06 164,000; 06-05 364,000; 06-30 464,000.
    expect(forecastReach(YEAR, 2023, D, 400_000)).toBe("2023-06-30");
    expect(forecastReach(YEAR, 2023, D, 364_000)).toBe("2023-06-05");
    expect(paceNeeded(464_000, 400_000, 2023, D)).toBe(0);
  });

  it("uses only the days gone early in the year", () => {
    // On 10 January the window is 1–10 January (10 days): a's 10,000 m² → 1,000 m² a day.
    // Target 50,000: 40,000 more takes 40,000 × 10 ÷ 10,000 = 40 days → 10 Jan + 40 = 19 February.
    expect(paceWindow(2023, "2023-01-10")).toEqual({ from: "2023-01-01", days: 10 });
    expect(forecastReach(YEAR, 2023, "2023-01-10", 50_000)).toBe("2023-02-19");
  });

  it("draws digested area by week against the straight line", () => {
    const weeks = burnDown(YEAR, 2023, D, TARGET);
    // Sunday 1 January is the tail of 2022-W52; then 2023-W01 … W52 (25–31 December): 53 points.
    expect(weeks).toHaveLength(53);
    // Line = 1,200,000 × day of year ÷ 365: day 1 → 3,287.7; day 8 → 26,301.4.
    expect(weeks[0]).toEqual({
      week: "2022-W52",
      from: "2023-01-01",
      to: "2023-01-01",
      digestedM2: 10_000,
      lineM2: 3288,
    });
    expect(weeks[1]).toEqual({
      week: "2023-W01",
      from: "2023-01-02",
      to: "2023-01-08",
      digestedM2: 10_000,
      lineM2: 26301,
    });
    const byName = new Map(weeks.map((w) => [w.week, w]));
    expect(byName.get("2023-W17")?.digestedM2).toBe(10_000); // 24–30 April: b is 5 May
    // 1–7 May holds b (05-05) and c (05-06): 164,000; day 127 → 417,534.2.
    expect(byName.get("2023-W18")).toEqual({
      week: "2023-W18",
      from: "2023-05-01",
      to: "2023-05-07",
      digestedM2: 164_000,
      lineM2: 417534,
    });
    expect(byName.get("2023-W23")?.digestedM2).toBe(364_000); // 5–11 June adds d
    // The week of D counts up to D: 464,000; its line is at Sunday 2 July, day 183 → 601,643.8.
    expect(byName.get("2023-W26")).toEqual({
      week: "2023-W26",
      from: "2023-06-26",
      to: "2023-07-02",
      digestedM2: 464_000,
      lineM2: 601644,
    });
    // Weeks not begun by D have no digestion yet; day 190 → 624,657.5.
    expect(byName.get("2023-W27")).toEqual({
      week: "2023-W27",
      from: "2023-07-03",
      to: "2023-07-09",
      digestedM2: null,
      lineM2: 624658,
    });
    expect(weeks[52]).toEqual({
      week: "2023-W52",
      from: "2023-12-25",
      to: "2023-12-31",
      digestedM2: null,
      lineM2: TARGET,
    });
  });

  it("clips a leap year's last week to 31 December and names it by its ISO week", () => {
    // 2024: 1 January is a Monday; Monday 30 December starts 2025-W01, cut to 30–31 December.
    const weeks = burnDown([], 2024, "2024-12-31", 366_000);
    expect(weeks).toHaveLength(53);
    expect(weeks[0]).toMatchObject({ week: "2024-W01", from: "2024-01-01", to: "2024-01-07", lineM2: 7000 });
    expect(weeks[52]).toEqual({
      week: "2025-W01",
      from: "2024-12-30",
      to: "2024-12-31",
      digestedM2: 0,
      lineM2: 366_000,
    });
  });
});

describe("time left in the year", () => {
  it("counts days in the year and the share gone", () => {
    expect(daysInYear(2023)).toBe(365);
    expect(daysInYear(2024)).toBe(366);
    expect(yearShareGone(2023, "2023-01-01")).toBe(1 / 365);
    expect(yearShareGone(2023, "2023-12-31")).toBe(1);
    expect(yearShareGone(2023, "2022-12-31")).toBe(0);
    expect(yearShareGone(2023, "2024-01-01")).toBe(1);
    expect(yearShareGone(2024, "2024-02-29")).toBe(60 / 366);
  });
  it("counts the days after D through 31 December", () => {
    expect(daysLeft(2023, "2023-12-30")).toBe(1);
    expect(daysLeft(2023, "2023-12-31")).toBe(0);
    expect(daysLeft(2023, "2022-06-01")).toBe(365); // the whole year is still ahead
    expect(daysLeft(2024, "2024-01-01")).toBe(365);
    expect(daysLeft(2023, "2024-01-05")).toBe(0);
  });
  it("has no pace when area remains but no day does", () => {
    expect(paceNeeded(0, 7000, 2023, "2023-12-31")).toBeNull();
    expect(paceNeeded(0, 7000, 2023, "2023-12-30")).toBe(49_000); // one day left: the whole 7,000 in 1/7 week
    expect(paceNeeded(0, 3650, 2023, "2022-12-31")).toBe(70); // 3,650 × 7 ÷ 365
  });
  it("forecasts nothing without a target or before the year", () => {
    expect(forecastReach(YEAR, 2023, D, 0)).toBeNull();
    expect(forecastReach(YEAR, 2024, D, TARGET)).toBeNull();
    expect(progress(10, null)).toBeNull();
    expect(progress(10, 0)).toBeNull();
  });
});
