import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  coveredYears,
  isWorkingDay,
  makeCalendar,
  withYears,
  workingDaysBetween,
  yearStatus,
} from "../../src/domain/calendar";
import { calendarFromChineseDays } from "../../src/domain/calendar-chinese-days";
import { DEFAULT_CALENDAR } from "../../src/domain/calendar-default";
import { addDays } from "../../src/domain/dates";

const cal = DEFAULT_CALENDAR;

describe("official years from chinese-days", () => {
  it("knows the 2024 Spring Festival: holiday 10–17 Feb, make-up working days Sun 4 and Sun 18 Feb", () => {
    expect(isWorkingDay(cal, "2024-02-03", "min")).toBe(false); // an ordinary Saturday
    expect(isWorkingDay(cal, "2024-02-04", "min")).toBe(true); // Sunday, 调休 working day
    expect(isWorkingDay(cal, "2024-02-09", "min")).toBe(true); // Friday, 除夕, not a holiday in 2024
    for (let d = "2024-02-10"; d <= "2024-02-17"; d = addDays(d, 1)) expect(isWorkingDay(cal, d, "max")).toBe(false);
    expect(isWorkingDay(cal, "2024-02-18", "min")).toBe(true); // Sunday, 调休 working day
    expect(isWorkingDay(cal, "2024-02-24", "min")).toBe(false);
  });

  it("knows National Day 2023: holiday 29 Sep–6 Oct, make-up working days Sat 7 and Sun 8 Oct", () => {
    expect(isWorkingDay(cal, "2023-09-28", "min")).toBe(true);
    for (let d = "2023-09-29"; d <= "2023-10-06"; d = addDays(d, 1)) expect(isWorkingDay(cal, d, "min")).toBe(false);
    expect(isWorkingDay(cal, "2023-10-07", "min")).toBe(true);
    expect(isWorkingDay(cal, "2023-10-08", "min")).toBe(true);
    expect(isWorkingDay(cal, "2023-10-14", "min")).toBe(false);
  });

  it("counts working days in (a, b] forwards, [b, a) backwards", () => {
    // (Fri 9 Feb, Mon 19 Feb 2024]: 10–17 holiday, Sun 18 (make-up), Mon 19 → 2
    expect(workingDaysBetween(cal, "2024-02-09", "2024-02-19", "min")).toBe(2);
    expect(workingDaysBetween(cal, "2024-02-19", "2024-02-09", "min")).toBe(-2);
    // (Thu 28 Sep, Mon 9 Oct 2023]: Sat 7, Sun 8, Mon 9 → 3
    expect(workingDaysBetween(cal, "2023-09-28", "2023-10-09", "min")).toBe(3);
    expect(workingDaysBetween(cal, "2023-10-09", "2023-10-09", "min")).toBe(0);
    // backwards from Sat 17 Feb 2024 to Fri 9 Feb: [9 Feb, 17 Feb) holds only Fri 9 → −1 (not 0)
    expect(workingDaysBetween(cal, "2024-02-17", "2024-02-09", "min")).toBe(-1);
    expect(workingDaysBetween(cal, "2024-02-09", "2024-02-17", "min")).toBe(0);
    // All of 2024 (from 31 Dec 2023 exclusive): 366 days, 52 weeks + Mon + Tue → 104 weekend days;
    // 19 weekday holidays (1 Jan; 12–16 Feb; 4–5 Apr; 1–3 May; 10 Jun; 16–17 Sep; 1–4, 7 Oct) and
    // 8 make-up days (4, 18 Feb; 7, 28 Apr; 11 May; 14, 29 Sep; 12 Oct): 366 − 104 − 19 + 8 = 251.
    expect(workingDaysBetween(cal, "2023-12-31", "2024-12-31", "min")).toBe(251);
  });

  it("adds working days forwards and backwards, landing on make-up days", () => {
    expect(addWorkingDays(cal, "2024-02-09", 1, "min")).toBe("2024-02-18");
    expect(addWorkingDays(cal, "2024-02-19", -1, "min")).toBe("2024-02-18");
    expect(addWorkingDays(cal, "2024-02-18", -1, "min")).toBe("2024-02-09");
    expect(addWorkingDays(cal, "2023-10-09", -3, "min")).toBe("2023-09-28"); // 8, 7 Oct, then 28 Sep
    expect(addWorkingDays(cal, "2024-02-12", 0, "min")).toBe("2024-02-12");
  });

  it("addWorkingDays and workingDaysBetween agree (counted sums match the day-by-day walk)", () => {
    const day = fc.integer({ min: 0, max: 365 * 6 }).map((n) => addDays("2022-01-01", n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: -80, max: 80 }),
        fc.constantFrom("min" as const, "max" as const),
        (d, n, mode) => {
          expect(workingDaysBetween(cal, d, addWorkingDays(cal, d, n, mode), mode)).toBe(n);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("building a calendar", () => {
  const json = {
    holidays: { "2026-01-01": "New Year's Day,元旦,1", "2027-01-04": "made up,x,1" },
    workdays: { "2027-01-01": "made up,x,1" }, // a year the package does not have: must not be read
    inLieuDays: {},
  };

  it("takes only the years asked for from the package data", () => {
    const c = calendarFromChineseDays(json, { from: 2026, to: 2026 });
    expect(yearStatus(c, 2026)).toBe("official");
    expect(yearStatus(c, 2027)).toBe("provisional");
    expect(isWorkingDay(c, "2027-01-01", "max")).toBe(false); // 元旦, whatever the JSON says
    expect(isWorkingDay(c, "2027-01-04", "max")).toBe(true);
    expect(coveredYears(c)).toEqual({ from: 2026, to: 2026 });
  });

  it("refuses a year the data has nothing for, and malformed entries", () => {
    expect(() => calendarFromChineseDays(json, { from: 2025, to: 2026 })).toThrow(/2025/);
    const e = { year: 2027, holidays: ["2027-02-09"], workdays: [], source: "admin" as const };
    expect(() => makeCalendar([e, e])).toThrow(/twice/);
    expect(() => makeCalendar([{ ...e, holidays: ["2028-01-03"] }])).toThrow(/not a date of 2027/);
    expect(() => makeCalendar([{ ...e, workdays: ["2027-02-09"] }])).toThrow(/both/);
  });

  it("lets an admin year replace a package year", () => {
    const c = withYears(cal, [{ year: 2024, holidays: [], workdays: [], source: "admin" }]);
    expect(yearStatus(c, 2024)).toBe("admin");
    expect(isWorkingDay(c, "2024-02-12", "min")).toBe(true);
    expect(isWorkingDay(cal, "2024-02-12", "min")).toBe(false); // the original is unchanged
    expect(coveredYears(c)).toEqual({ from: 2004, to: 2026 });
  });
});
