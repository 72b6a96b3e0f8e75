import { getLunarDate, getSolarTerms, isWorkday } from "chinese-days";
import { describe, expect, it } from "vitest";
import { addWorkingDays, coveredYears, isWorkingDay, yearStatus } from "../../src/domain/calendar";
import { LUNAR_HOLIDAYS } from "../../src/domain/calendar-data/lunar-holidays";
import { DEFAULT_CALENDAR } from "../../src/domain/calendar-default";
import { provisionalYear, statutoryHolidays } from "../../src/domain/calendar-provisional";
import { addDays } from "../../src/domain/dates";

const cal = DEFAULT_CALENDAR;

describe("a year the calendar does not hold", () => {
  it("the default calendar calls 2027 provisional instead of asking the package", () => {
    expect(isWorkday("2027-01-01")).toBe(true); // the hazard: the package itself says "working day"
    expect(yearStatus(cal, 2027)).toBe("provisional");
    expect(yearStatus(cal, 2026)).toBe("official");
    expect(yearStatus(cal, 2004)).toBe("official");
    expect(yearStatus(cal, 2003)).toBe("provisional");
    expect(coveredYears(cal)).toEqual({ from: 2004, to: 2026 });
    expect(isWorkingDay(cal, "2027-01-01", "min")).toBe(false); // 元旦, Friday
    expect(isWorkingDay(cal, "2027-01-01", "max")).toBe(false);
  });

  it("2027: weekday holidays are rest days, the six weekend holiday days owe 补假 right after", () => {
    // 1 Jan Fri; 春节 5 Fri–8 Mon (6, 7 on the weekend); 清明 5 Apr Mon; 劳动节 1–2 May Sat–Sun;
    // 端午 9 Jun Wed; 中秋 15 Sep Wed; 国庆 1 Fri–3 Sun Oct (2, 3 on the weekend)
    expect(provisionalYear(2027)).toEqual({
      restWeekdays: ["2027-01-01", "2027-02-05", "2027-02-08", "2027-04-05", "2027-06-09", "2027-09-15", "2027-10-01"],
      // two for 春节 (Tue 9, Wed 10 Feb), two for 劳动节 (Mon 3, Tue 4 May), two for 国庆 (Mon 4, Tue 5 Oct)
      unknownMakeUpDays: ["2027-02-09", "2027-02-10", "2027-05-03", "2027-05-04", "2027-10-04", "2027-10-05"],
    });
  });

  it("2028: 中秋 on 国庆's third day owes a 补假 too", () => {
    // 元旦 Sat → Mon 3 Jan; 端午 Sun 28 May → Mon 29 May; 国庆 Sun 1 Oct → Wed 4 Oct; 中秋 = Tue 3 Oct → Thu 5 Oct
    expect(provisionalYear(2028).unknownMakeUpDays).toEqual(["2028-01-03", "2028-05-29", "2028-10-04", "2028-10-05"]);
  });

  it("a possible 补假 is a rest day in min mode and a working day in max mode; weekends rest in both", () => {
    expect(isWorkingDay(cal, "2027-02-09", "min")).toBe(false);
    expect(isWorkingDay(cal, "2027-02-09", "max")).toBe(true);
    expect(isWorkingDay(cal, "2027-02-06", "max")).toBe(false);
    expect(isWorkingDay(cal, "2027-02-08", "max")).toBe(false); // 初三, a known holiday
    expect(isWorkingDay(cal, "2027-02-11", "min")).toBe(true);
  });

  it("a maximum deadline ends earlier in max mode, a minimum period later in min mode", () => {
    // 15 working days after Fri 29 Jan 2027. max: 1–4 Feb (4), 9–12 (8), 15–19 (13), 22, 23 (15) → Tue 23 Feb.
    expect(addWorkingDays(cal, "2027-01-29", 15, "max")).toBe("2027-02-23");
    // min: 1–4 Feb (4), 9 and 10 rest, 11–12 (6), 15–19 (11), 22–25 (15) → Thu 25 Feb.
    expect(addWorkingDays(cal, "2027-01-29", 15, "min")).toBe("2027-02-25");
  });

  it("beyond the lunar table only the fixed-date holidays are known", () => {
    expect(statutoryHolidays(2036).map((h) => h.name)).toEqual(["元旦", "劳动节", "国庆节"]);
    expect(yearStatus(cal, 2036)).toBe("provisional");
  });
});

describe("the provisional rule checked against data", () => {
  it("the lunar table agrees with the package's lunar calendar and solar terms", () => {
    for (const [year, h] of Object.entries(LUNAR_HOLIDAYS)) {
      expect(getLunarDate(h.eve).lunarMon).toBe(12);
      expect(getLunarDate(addDays(h.eve, 1))).toMatchObject({ lunarMon: 1, lunarDay: 1 });
      expect(getLunarDate(h.dragonBoat)).toMatchObject({ lunarMon: 5, lunarDay: 5, isLeap: false });
      expect(getLunarDate(h.midAutumn)).toMatchObject({ lunarMon: 8, lunarDay: 15, isLeap: false });
      const term = getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t) => t.name === "清明");
      expect(term?.date).toBe(h.qingming);
    }
  });

  it("on 2025 and 2026 (published) every day it calls rest, 补假 guesses included, was a rest day", () => {
    for (const year of [2025, 2026]) {
      const p = provisionalYear(year);
      expect(p.unknownMakeUpDays.length).toBeGreaterThan(0); // 2025: 2 Jun; 2026: 6 Apr, 4 May, 5 Oct
      for (const d of [...p.restWeekdays, ...p.unknownMakeUpDays]) expect(isWorkingDay(cal, d, "max"), d).toBe(false);
    }
  });
});
