import { describe, expect, it } from "vitest";
import { withYears } from "../../src/domain/calendar";
import { DEFAULT_CALENDAR } from "../../src/domain/calendar-default";
import {
  backwardSchedule,
  DEFAULT_DURATIONS,
  planSlip,
  SEGMENT_MILESTONES,
  type Duration,
  type Durations,
} from "../../src/domain/schedule";

const cal = DEFAULT_CALENDAR;
const wd = (days: number): Duration => ({ days, unit: "working", note: "test" });
const cd = (days: number): Duration => ({ days, unit: "calendar", note: "test" });
const durations = (supply: Duration, acquisition: Duration, approval = cd(90), siting = cd(60)): Durations => ({
  siting,
  approval,
  acquisition,
  supply,
});

describe("backward schedule across the 2024 Spring Festival (rest 10–17 Feb; Sun 4 and Sun 18 Feb work)", () => {
  it("a working-day segment skips the holiday and counts the make-up Sunday", () => {
    // supply = 10 working days before Mon 26 Feb: 23, 22, 21, 20, 19 (5), Sun 18 (6), 10–17 rest,
    // 9, 8, 7 (9), Tue 6 Feb (10). Then calendar days: 6 Feb − 30 = 7 Jan; − 90 = 9 Oct 2023; − 60 = 10 Aug.
    const plan = backwardSchedule(
      cal,
      { startOn: "2024-02-26", completionOn: "2025-12-31" },
      durations(wd(10), cd(30)),
    );
    expect(plan).toEqual({
      siting: "2023-08-10",
      approval: "2023-10-09",
      acquisition: "2024-01-07",
      supply: "2024-02-06",
      start: "2024-02-26",
      completion: "2025-12-31",
    });
  });

  it("a calendar-day segment ignores the holiday; a working-day one before it lands on Sun 4 Feb", () => {
    // supply = Mon 4 Mar − 20 days = Tue 13 Feb (a holiday: calendar days do not care).
    // acquisition = 6 working days before 13 Feb: 12, 11, 10 rest; 9, 8, 7, 6, 5 (5); Sun 4 Feb (6).
    // approval = 4 Feb − 90 days = 6 Nov 2023; siting = − 60 days = 7 Sep 2023.
    const plan = backwardSchedule(cal, { startOn: "2024-03-04", completionOn: "2025-12-31" }, durations(cd(20), wd(6)));
    expect(plan).toMatchObject({
      siting: "2023-09-07",
      approval: "2023-11-06",
      acquisition: "2024-02-04",
      supply: "2024-02-13",
    });
  });
});

describe("backward schedule across National Day 2023 (rest 29 Sep–6 Oct; Sat 7 and Sun 8 Oct work)", () => {
  it("a working-day segment counts the make-up weekend and skips the holiday", () => {
    // supply = 8 working days before Thu 12 Oct: 11, 10, 9 (3), Sun 8 (4), Sat 7 (5), 6 Oct–29 Sep rest,
    // 28, 27 (7), Tue 26 Sep (8). acquisition = 26 Sep − 15 days = 11 Sep.
    const plan = backwardSchedule(cal, { startOn: "2023-10-12", completionOn: "2024-12-31" }, durations(wd(8), cd(15)));
    expect(plan).toMatchObject({ acquisition: "2023-09-11", supply: "2023-09-26" });
  });

  it("a calendar-day segment ignores the holiday", () => {
    // supply = Mon 16 Oct − 14 days = Mon 2 Oct (a holiday). acquisition = 3 working days before it:
    // 1 Oct, 30, 29 Sep rest; 28 (1), 27 (2), Tue 26 Sep (3).
    const plan = backwardSchedule(cal, { startOn: "2023-10-16", completionOn: "2024-12-31" }, durations(cd(14), wd(3)));
    expect(plan).toMatchObject({ acquisition: "2023-09-26", supply: "2023-10-02" });
  });
});

describe("a schedule in 2027", () => {
  const targets = { startOn: "2027-02-22", completionOn: "2028-12-31" };
  const d = durations(wd(10), cd(30));

  it("provisional: the possible 补假 of 9 and 10 Feb count as rest (a duration is a minimum)", () => {
    // 10 working days before Mon 22 Feb: 19, 18, 17, 16, 15 (5), 12, 11 (7), 10 and 9 maybe 补假,
    // 8 and 5 春节, 7 and 6 weekend, 4, 3 (9), Tue 2 Feb (10).
    expect(backwardSchedule(cal, targets, d).supply).toBe("2027-02-02");
  });

  it("a 2027 holiday added as admin data moves a schedule that crosses it", () => {
    // Thu 18 Feb added as a holiday, the rest still provisional: 19 (1), 17, 16, 15 (4), 12, 11 (6),
    // 10 and 9 maybe 补假, 8–5 rest, 4, 3, 2 (9), Mon 1 Feb (10).
    const one = withYears(cal, [
      { year: 2027, holidays: ["2027-02-18"], workdays: [], source: "admin", provisional: true },
    ]);
    expect(backwardSchedule(one, targets, d).supply).toBe("2027-02-01");
    // The whole year entered (hypothetical arrangement): 9 and 10 Feb are now certain working days.
    // 19 (1), 17, 16, 15 (4), 12, 11, 10, 9 (8), 8–5 rest, 4 (9), Wed 3 Feb (10).
    const holidays = ["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-18"];
    const full = withYears(cal, [{ year: 2027, holidays, workdays: [], source: "admin" }]);
    expect(backwardSchedule(full, targets, d).supply).toBe("2027-02-03");
  });
});

describe("baseline and re-plan", () => {
  it("gives the slip in working days per milestone", () => {
    const d = durations(wd(10), cd(30));
    const baseline = backwardSchedule(cal, { startOn: "2024-02-26", completionOn: "2025-12-31" }, d);
    // Re-planned a week later. supply = 10 working days before Mon 4 Mar: 1 Mar, 29, 28, 27, 26 (5),
    // 23, 22, 21, 20 (9), Mon 19 Feb (10); acquisition 19 Feb − 30 = 20 Jan; approval − 90 = 22 Oct 2023;
    // siting − 60 = 23 Aug 2023.
    const current = backwardSchedule(cal, { startOn: "2024-03-04", completionOn: "2025-12-31" }, d);
    expect(current).toMatchObject({ siting: "2023-08-23", approval: "2023-10-22", acquisition: "2024-01-20" });
    expect(planSlip(cal, baseline, current)).toEqual({
      siting: 9, // (Thu 10 Aug, Wed 23 Aug 2023]: 11; 14–18; 21–23
      approval: 9, // (Mon 9 Oct, Sun 22 Oct 2023]: 10–13; 16–20
      acquisition: 10, // (Sun 7 Jan, Sat 20 Jan 2024]: 8–12; 15–19
      supply: 5, // (Tue 6 Feb, Mon 19 Feb]: 7, 8, 9, Sun 18, 19
      start: 5, // (Mon 26 Feb, Mon 4 Mar]: 27, 28, 29, 1, 4
      completion: 0,
    });
    expect(planSlip(cal, current, baseline).supply).toBe(-5); // [6 Feb, 19 Feb): 6, 7, 8, 9, 18
  });
});

describe("default durations", () => {
  it("say where each comes from, in whole days", () => {
    for (const m of SEGMENT_MILESTONES) {
      expect(Number.isInteger(DEFAULT_DURATIONS[m].days)).toBe(true);
      expect(DEFAULT_DURATIONS[m].note.length).toBeGreaterThan(10);
    }
    // 30 + 90 + 90 + 60 calendar days before Mon 2 Mar 2026: supply 31 Jan; acquisition 2 Nov 2025;
    // approval 4 Aug 2025; siting 5 Jun 2025.
    expect(backwardSchedule(cal, { startOn: "2026-03-02", completionOn: "2027-06-30" })).toMatchObject({
      siting: "2025-06-05",
      approval: "2025-08-04",
      acquisition: "2025-11-02",
      supply: "2026-01-31",
    });
  });

  it("refuse a duration that is not a whole number of days", () => {
    const bad = durations(wd(2.5), cd(30));
    expect(() => backwardSchedule(cal, { startOn: "2024-02-26", completionOn: "2025-12-31" }, bad)).toThrow(RangeError);
  });
});
