import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/dates";
import {
  dayOfYear,
  isIsoWeek,
  isoWeekday,
  isoWeekOf,
  mondayOf,
  weekEnd,
  weekStart,
  weeksInIsoYear,
} from "../../src/domain/week";

describe("ISO weeks (docs/PRODUCT.md §8: Monday–Sunday, named 2023-W25)", () => {
  it("names a week in mid-year", () => {
    // 2023-01-02 is the Monday of 2023-W01 (4 Jan 2023 is a Wednesday); 24 weeks later is 2023-06-19.
    expect(isoWeekOf("2023-06-19")).toBe("2023-W25");
    expect(isoWeekOf("2023-06-25")).toBe("2023-W25");
    expect(isoWeekOf("2023-06-26")).toBe("2023-W26");
    expect(weekStart("2023-W25")).toBe("2023-06-19");
    expect(weekEnd("2023-W25")).toBe("2023-06-25");
  });

  it("puts the days around new year in the week of their Thursday", () => {
    expect(isoWeekOf("2020-12-31")).toBe("2020-W53"); // a Thursday
    expect(isoWeekOf("2021-01-03")).toBe("2020-W53"); // the Sunday of that week
    expect(isoWeekOf("2021-01-04")).toBe("2021-W01"); // the next Monday
    expect(isoWeekOf("2024-12-29")).toBe("2024-W52"); // a Sunday
    expect(isoWeekOf("2024-12-30")).toBe("2025-W01"); // Monday; its Thursday is 2025-01-02
    expect(isoWeekOf("2023-01-01")).toBe("2022-W52"); // a Sunday
    expect(isoWeekOf("2026-12-31")).toBe("2026-W53");
    expect(isoWeekOf("2027-01-03")).toBe("2026-W53");
  });

  it("starts and ends weeks that straddle a year end", () => {
    expect(weekStart("2020-W53")).toBe("2020-12-28");
    expect(weekEnd("2020-W53")).toBe("2021-01-03");
    expect(weekStart("2025-W01")).toBe("2024-12-30");
    expect(weekEnd("2025-W01")).toBe("2025-01-05");
    // 4 Jan 2020 is a Saturday, so 2020-W01 starts on Monday 30 Dec 2019.
    expect(weekStart("2020-W01")).toBe("2019-12-30");
    expect(weekStart("2021-W01")).toBe("2021-01-04");
  });

  it("knows which years have 53 weeks", () => {
    expect(weeksInIsoYear(2020)).toBe(53);
    expect(weeksInIsoYear(2021)).toBe(52);
    expect(weeksInIsoYear(2024)).toBe(52);
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(isIsoWeek("2020-W53")).toBe(true);
    expect(isIsoWeek("2021-W53")).toBe(false);
    expect(isIsoWeek("2023-W00")).toBe(false);
    expect(isIsoWeek("2023-W1")).toBe(false);
    expect(isIsoWeek("2023-25")).toBe(false);
    expect(() => weekStart("2021-W53")).toThrow(RangeError);
  });

  it("counts weekdays and days of the year", () => {
    expect(isoWeekday("2024-02-29")).toBe(4); // Thursday
    expect(isoWeekday("2023-01-01")).toBe(7); // Sunday
    expect(isoWeekday("1969-12-29")).toBe(1); // a Monday before the reference Monday
    expect(mondayOf("2023-01-01")).toBe("2022-12-26");
    expect(mondayOf("2023-01-02")).toBe("2023-01-02");
    expect(dayOfYear("2023-01-01")).toBe(1);
    expect(dayOfYear("2023-06-30")).toBe(181); // 31+28+31+30+31+30
    expect(dayOfYear("2024-12-31")).toBe(366);
  });

  it("round-trips every day from 2019 to 2027: the day lies in its week, which starts on a Monday", () => {
    for (let d = "2019-01-01"; d <= "2027-12-31"; d = addDays(d, 1)) {
      const w = isoWeekOf(d);
      expect(isIsoWeek(w)).toBe(true);
      expect(isoWeekday(weekStart(w))).toBe(1);
      expect(weekStart(w) <= d && d <= weekEnd(w)).toBe(true);
    }
  });
});
