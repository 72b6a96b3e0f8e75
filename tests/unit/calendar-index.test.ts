import data from "chinese-days/dist/chinese-days.json";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  makeUpWorkdays,
  restRuns,
  withYears,
  workingDaysBetween,
  type CountMode,
} from "../../src/domain/calendar";
import { DEFAULT_CALENDAR } from "../../src/domain/calendar-default";
import { civilFromDays, dateOfDay, dayNumber, daysFromCivil, yearOfDay } from "../../src/domain/day-number";

const cal = DEFAULT_CALENDAR;

// The oracle: the package's own lists and the JS Date's weekday, one day at a time — nothing of the index.
const holidays = new Set(Object.keys(data.holidays));
const workdays = new Set(Object.keys(data.workdays));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
const DAY = 86_400_000;
function oracleWorking(date: string): boolean {
  if (workdays.has(date)) return true;
  const w = new Date(msOf(date)).getUTCDay();
  return w !== 0 && w !== 6 && !holidays.has(date);
}
function oracleBetween(a: string, b: string): number {
  let n = 0;
  if (b >= a) for (let t = msOf(a) + DAY; t <= msOf(b); t += DAY) n += oracleWorking(iso(t)) ? 1 : 0;
  else for (let t = msOf(b); t < msOf(a); t += DAY) n -= oracleWorking(iso(t)) ? 1 : 0;
  return n;
}
// Official years only, where "min" and "max" agree: a day from 1 Mar 2005 to about 25 Feb 2025, so 400 days
// either way stay inside 2004–2026.
const officialDay = fc.integer({ min: 0, max: 365 * 20 }).map((n) => iso(msOf("2005-03-01") + n * DAY));
const mode = fc.constantFrom<CountMode>("min", "max");

describe("day numbers", () => {
  it("match the JS Date on the epoch, leap days and century years, and back", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1969-12-31")).toBe(-1);
    // 2000 is a leap year (divisible by 400), 2100 is not (by 100 only): 28 Feb → 1 Mar is 2 days, then 1.
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2);
    expect(dayNumber("2100-03-01") - dayNumber("2100-02-28")).toBe(1);
    expect(dateOfDay(dayNumber("2024-02-29"))).toBe("2024-02-29");
    expect(civilFromDays(daysFromCivil(2024, 12, 31))).toEqual([2024, 12, 31]);
    expect(yearOfDay(dayNumber("2024-12-31"))).toBe(2024);
    expect(yearOfDay(dayNumber("2025-01-01"))).toBe(2025);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / DAY, max: Date.UTC(2200, 11, 31) / DAY }), (n) => {
        expect(dayNumber(iso(n * DAY))).toBe(n);
        expect(dateOfDay(n)).toBe(iso(n * DAY));
      }),
      { numRuns: 500 },
    );
  });

  it("refuses what is not YYYY-MM-DD instead of counting with NaN", () => {
    for (const bad of ["", "2024-2-01", "2024/02/01", "2024-13-01", "2024-02-00", "abcd-02-01", "2024-02-011"])
      expect(() => dayNumber(bad), bad).toThrow(RangeError);
  });
});

describe("the calendar index against a day-by-day walk over the package's lists", () => {
  it("counts working days like the walk", () => {
    fc.assert(
      fc.property(officialDay, fc.integer({ min: -400, max: 400 }), mode, (a, k, m) => {
        const b = iso(msOf(a) + k * DAY);
        expect(workingDaysBetween(cal, a, b, m)).toBe(oracleBetween(a, b));
      }),
      { numRuns: 400 },
    );
  });

  it("adds working days like the walk", () => {
    fc.assert(
      fc.property(officialDay, fc.integer({ min: -120, max: 120 }), mode, (a, n, m) => {
        let t = msOf(a);
        for (let left = Math.abs(n); left > 0;) {
          t += Math.sign(n) * DAY;
          if (oracleWorking(iso(t))) left--;
        }
        expect(addWorkingDays(cal, a, n, m)).toBe(iso(t));
      }),
      { numRuns: 300 },
    );
  });

  it("spans years: all of 2023 and 2024 from 31 Dec 2022", () => {
    // 2023: 365 days from Sun 1 Jan to Sun 31 Dec → 52 × 2 + 1 = 105 weekend days; weekday holidays 2 Jan,
    // 23–27 Jan, 5 Apr, 1–3 May, 22–23 Jun, 29 Sep, 2–6 Oct = 1 + 5 + 1 + 3 + 2 + 1 + 5 = 18; make-up days
    // 28, 29 Jan, 23 Apr, 6 May, 25 Jun, 7, 8 Oct = 7: 365 − 105 − 18 + 7 = 249.
    // 2024: 251 (tests/unit/calendar.test.ts works it out). 249 + 251 = 500.
    expect(workingDaysBetween(cal, "2022-12-31", "2023-12-31", "min")).toBe(249);
    expect(workingDaysBetween(cal, "2022-12-31", "2024-12-31", "min")).toBe(500);
  });

  it("is built per calendar: an admin's year does not leak into the calendar it replaced", () => {
    // Warm the default calendar's index of 2024 first, then replace 2024 with a year of no holidays.
    expect(workingDaysBetween(cal, "2024-02-09", "2024-02-19", "min")).toBe(2);
    const admin = withYears(cal, [{ year: 2024, holidays: [], workdays: [], source: "admin" }]);
    // (Fri 9, Mon 19 Feb] with no holidays and no make-up days: 12–16 and Mon 19 = 6.
    expect(workingDaysBetween(admin, "2024-02-09", "2024-02-19", "min")).toBe(6);
    expect(workingDaysBetween(cal, "2024-02-09", "2024-02-19", "min")).toBe(2);
  });
});

describe("rest days for the timeline's shading", () => {
  it("2024 Spring Festival: 10–17 Feb one run; the make-up Sundays 4 and 18 Feb are in none", () => {
    // Sat 27 Jan 2024 (1 Jan 2024 was a Monday) to Mon 26 Feb: weekends 27–28 Jan and 24–25 Feb; Sat 3 Feb
    // alone (Sun 4 is worked); Sat 10 – Sat 17 Feb the holiday (12–16 are weekdays off); Sun 18 worked.
    expect(restRuns(cal, "2024-01-27", "2024-02-26")).toEqual([
      { from: "2024-01-27", to: "2024-01-28", days: 2, holiday: false },
      { from: "2024-02-03", to: "2024-02-03", days: 1, holiday: false },
      { from: "2024-02-10", to: "2024-02-17", days: 8, holiday: true },
      { from: "2024-02-24", to: "2024-02-25", days: 2, holiday: false },
    ]);
    expect(makeUpWorkdays(cal, "2024-01-27", "2024-02-26")).toEqual(["2024-02-04", "2024-02-18"]);
  });

  it("clips runs to the span: the day before, of and after each boundary", () => {
    // From Sun 4 to Sun 18 Feb (both worked): only the holiday.
    expect(restRuns(cal, "2024-02-04", "2024-02-18")).toEqual([
      { from: "2024-02-10", to: "2024-02-17", days: 8, holiday: true },
    ]);
    // Fri 9 (worked) … Sat 10 (first day off) … Sun 11.
    expect(restRuns(cal, "2024-02-09", "2024-02-09")).toEqual([]);
    expect(restRuns(cal, "2024-02-09", "2024-02-10")).toEqual([
      { from: "2024-02-10", to: "2024-02-10", days: 1, holiday: false },
    ]);
    expect(restRuns(cal, "2024-02-11", "2024-02-12")).toEqual([
      { from: "2024-02-11", to: "2024-02-12", days: 2, holiday: true },
    ]);
    // Sat 17 (last day off), Sun 18 (worked).
    expect(restRuns(cal, "2024-02-17", "2024-02-18")).toEqual([
      { from: "2024-02-17", to: "2024-02-17", days: 1, holiday: false },
    ]);
    expect(makeUpWorkdays(cal, "2024-02-05", "2024-02-17")).toEqual([]);
  });

  it("National Day 2023 across a month end: 29 Sep – 6 Oct, then Sat 7 and Sun 8 Oct worked", () => {
    expect(restRuns(cal, "2023-09-28", "2023-10-09")).toEqual([
      { from: "2023-09-29", to: "2023-10-06", days: 8, holiday: true },
    ]);
    expect(makeUpWorkdays(cal, "2023-09-28", "2023-10-09")).toEqual(["2023-10-07", "2023-10-08"]);
  });
});
