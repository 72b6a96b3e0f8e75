import { describe, expect, it } from "vitest";
import { becameIdleCase } from "../../src/domain/day-work";
import { isFinished, isLateEntry, lastFinishedWeek, rankChange, ranks, shiftWeek } from "../../src/domain/review";
import { weeksToStore } from "../../src/reviews/writes";

describe("weekly review rules", () => {
  it("the last finished week: on Sunday it is the week before; on Monday the week just ended", () => {
    // 2034-03-12 is the Sunday of 2034-W10, 2034-03-13 the Monday of W11.
    expect([lastFinishedWeek("2034-03-12"), lastFinishedWeek("2034-03-13"), lastFinishedWeek("2034-03-14")]).toEqual([
      "2034-W09",
      "2034-W10",
      "2034-W10",
    ]);
    // Across a year: 2021-01-03 (Sunday) is in 2020-W53; on Monday 2021-01-04 that week has just finished.
    expect([lastFinishedWeek("2021-01-03"), lastFinishedWeek("2021-01-04")]).toEqual(["2020-W52", "2020-W53"]);
    expect([isFinished("2034-W10", "2034-03-12"), isFinished("2034-W10", "2034-03-13")]).toEqual([false, true]);
  });

  it("shifts weeks across years with 53 weeks", () => {
    expect([shiftWeek("2020-W53", 1), shiftWeek("2021-W01", -1), shiftWeek("2034-W10", -2)]).toEqual([
      "2021-W01",
      "2020-W53",
      "2034-W08",
    ]);
  });

  it("a move is a late entry when recorded after the Sunday of its own week", () => {
    // Dated Wednesday 2034-03-08: recorded Sunday 03-12 is on time, Monday 03-13 late.
    expect([isLateEntry("2034-03-08", "2034-03-12"), isLateEntry("2034-03-08", "2034-03-13")]).toEqual([false, true]);
    expect(isLateEntry("2034-03-08", "2034-03-06")).toBe(false);
  });

  it("ranks competition style, equal values share a rank, no value no rank; change = places gained", () => {
    expect(ranks([9, 3, 0, 0, null])).toEqual([1, 2, 3, 3, null]);
    expect([rankChange(1, 3), rankChange(3, 1), rankChange(null, 1), rankChange(2, null)]).toEqual([2, -2, null, null]);
  });

  it("stores the last finished week first, then back-fills at most 8 missed weeks", () => {
    expect(weeksToStore("2034-03-13", null)).toEqual(["2034-W10"]);
    expect(weeksToStore("2034-03-13", "2034-W10")).toEqual([]);
    expect(weeksToStore("2034-04-03", "2034-W10")).toEqual(["2034-W11", "2034-W12", "2034-W13"]);
    const long = weeksToStore("2034-12-04", "2034-W10");
    expect([long.length, long[0], long.at(-1)]).toEqual([8, "2034-W41", "2034-W48"]);
  });
});

describe("home: idle cases that began this week", () => {
  // Agreed start 2033-03-15 (a Tuesday a year before): idle fee from Wednesday 2034-03-15, in the week 03-13 … 03-19.
  it("counts from the threshold day on, within its week, and not before", () => {
    expect(becameIdleCase("2033-03-15", "2034-03-14")).toBe(null); // the day before: still overdue
    expect(becameIdleCase("2033-03-15", "2034-03-15")).toBe("idle_fee"); // the day of
    expect(becameIdleCase("2033-03-15", "2034-03-16")).toBe("idle_fee"); // the day after, same week
    expect(becameIdleCase("2033-03-15", "2034-03-20")).toBe(null); // next week: no longer new
    expect(becameIdleCase("2032-03-15", "2034-03-15")).toBe("recovery"); // two years
  });
});
