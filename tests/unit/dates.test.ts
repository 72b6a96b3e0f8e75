import { describe, expect, it } from "vitest";
import { addDays, addYears, daysBetween, isIsoDate, shanghaiDate } from "../../src/domain/dates";
import { checkMoveDate } from "../../src/domain/chain";

describe("business dates in Asia/Shanghai", () => {
  it("accepts a move dated today at 00:30 Beijing time (16:30 UTC the day before)", () => {
    const clock = new Date("2023-06-19T16:30:00Z"); // = 2023-06-20 00:30 in Beijing
    const today = shanghaiDate(clock);
    expect(today).toBe("2023-06-20");
    expect(checkMoveDate("2023-06-20", "2023-06-01", today)).toBeNull();
    expect(checkMoveDate("2023-06-21", "2023-06-01", today)).toBe("after_today");
  });

  it("turns the day at 16:00 UTC", () => {
    expect(shanghaiDate(new Date("2023-06-20T15:59:59Z"))).toBe("2023-06-20");
    expect(shanghaiDate(new Date("2023-06-20T16:00:00Z"))).toBe("2023-06-21");
  });

  it("refuses a date before the previous move but accepts the same day", () => {
    expect(checkMoveDate("2023-05-05", "2023-05-06", "2023-12-31")).toBe("before_previous");
    expect(checkMoveDate("2023-05-06", "2023-05-06", "2023-12-31")).toBeNull();
    expect(checkMoveDate("2019-01-01", null, "2023-12-31")).toBeNull();
  });

  it("knows real calendar dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-02-30")).toBe(false);
    expect(isIsoDate("2023-13-01")).toBe(false);
    expect(isIsoDate("2023-1-01")).toBe(false);
    expect(isIsoDate("2023-01-01T00:00")).toBe(false);
  });

  it("adds years with 29 Feb falling back to 28 Feb", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2023-12-31", 2)).toBe("2025-12-31");
  });

  it("adds days and counts them across year ends", () => {
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2023-12-25", "2024-01-04")).toBe(10);
  });
});
