import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR } from "../../src/domain/calendar-default";
import { backwardSchedule, type Duration } from "../../src/domain/schedule";
import { milestoneActuals, type ParcelFacts } from "../../src/domain/schedule-actuals";
import {
  criticalMilestone,
  evaluateSchedule,
  milestoneStatus,
  slackDays,
  type Problem,
} from "../../src/domain/schedule-status";

const cal = DEFAULT_CALENDAR;
const L = "2024-02-26"; // Monday after the 2024 Spring Festival (rest 10–17 Feb; Sun 4 and Sun 18 Feb work)

describe("status at the boundaries of a latest date", () => {
  it("11 working days before: on_track", () => {
    // (Mon 5 Feb, Mon 26 Feb]: 6, 7, 8, 9 (4), Sun 18 (5), 19–23 (10), 26 (11)
    expect(slackDays(cal, "2024-02-05", L)).toBe(11);
    expect(milestoneStatus(cal, "2024-02-05", L, null)).toBe("on_track");
  });

  it("10 working days before: at_risk", () => {
    expect(slackDays(cal, "2024-02-06", L)).toBe(10);
    expect(milestoneStatus(cal, "2024-02-06", L, null)).toBe("at_risk");
  });

  it("the latest date itself: at_risk with no slack; the day after: overdue", () => {
    expect(slackDays(cal, L, L)).toBe(0);
    expect(milestoneStatus(cal, L, L, null)).toBe("at_risk");
    expect(slackDays(cal, "2024-02-27", L)).toBe(-1); // [26 Feb, 27 Feb) holds Mon 26
    expect(milestoneStatus(cal, "2024-02-27", L, null)).toBe("overdue");
  });

  it("done once reached, late or not", () => {
    expect(milestoneStatus(cal, "2024-03-15", L, "2024-03-01")).toBe("done");
  });

  it("an open problem past its due date makes the milestone at least at_risk", () => {
    const past = (p: Partial<Problem>): boolean => {
      const problem: Problem = { milestone: "supply", status: "open", dueOn: "2024-02-01", ...p };
      const plan = { siting: L, approval: L, acquisition: L, supply: L, start: L, completion: L };
      const actuals = { siting: null, approval: null, acquisition: null, supply: null, start: null, completion: null };
      return evaluateSchedule(cal, plan, actuals, [problem], "2024-02-05")[3].status === "at_risk";
    };
    expect(past({})).toBe(true); // due 1 Feb, as of 5 Feb: past
    expect(past({ dueOn: "2024-02-05" })).toBe(false); // due today: not past yet → on_track (11 left)
    expect(past({ status: "resolved" })).toBe(false);
    expect(past({ dueOn: null })).toBe(false);
    expect(past({ milestone: "start" })).toBe(false); // blocks another milestone
    expect(milestoneStatus(cal, "2024-02-27", L, null, true)).toBe("overdue"); // never lowered
  });
});

describe("a project's rows and its critical milestone", () => {
  const wd = (days: number): Duration => ({ days, unit: "working", note: "test" });
  const cd = (days: number): Duration => ({ days, unit: "calendar", note: "test" });
  // From the Spring Festival test: siting 10 Aug 2023, approval 9 Oct 2023, acquisition 7 Jan, supply 6 Feb 2024.
  const plan = backwardSchedule(
    cal,
    { startOn: "2024-02-26", completionOn: "2025-12-31" },
    { siting: cd(60), approval: cd(90), acquisition: cd(30), supply: wd(10) },
  );
  const none = { siting: null, approval: null, acquisition: null, supply: null, start: null, completion: null };

  it("names the least-slack milestone not yet done", () => {
    const rows = evaluateSchedule(cal, plan, { ...none, siting: "2023-08-01" }, [], "2023-09-01");
    expect(rows[0]).toMatchObject({ milestone: "siting", status: "done", slackDays: null });
    // (Fri 1 Sep, Mon 9 Oct 2023]: 4–8, 11–15, 18–22 (15), 25–28 (19), 29 Sep–6 Oct rest, Sat 7, Sun 8, Mon 9 (22)
    expect(rows[1]).toMatchObject({ milestone: "approval", status: "on_track", slackDays: 22 });
    expect(criticalMilestone(rows)).toBe("approval");
  });

  it("an overdue milestone is the critical one", () => {
    const rows = evaluateSchedule(cal, plan, none, [], "2023-09-01");
    // [Thu 10 Aug, Fri 1 Sep 2023): 10, 11 (2), 14–18 (7), 21–25 (12), 28–31 (16)
    expect(rows[0]).toMatchObject({ status: "overdue", slackDays: -16 });
    expect(criticalMilestone(rows)).toBe("siting");
    const allDone = { siting: L, approval: L, acquisition: L, supply: L, start: L, completion: L };
    expect(criticalMilestone(evaluateSchedule(cal, plan, allDone, [], "2024-03-01"))).toBeNull();
  });
});

describe("actual dates from the parcels", () => {
  const p1: ParcelFacts = { withdrawn: false, reachedOn: { approval: "2023-03-01", acquisition: "2023-06-01" } };
  const p2: ParcelFacts = { withdrawn: false, reachedOn: { approval: "2023-04-15" } };
  const gone: ParcelFacts = { withdrawn: true, reachedOn: {} };

  it("a milestone is done when all non-withdrawn parcels reached it, on the last of their dates", () => {
    const a = milestoneActuals("2022-11-01", [p1, p2, gone], "2023-12-31");
    expect(a).toEqual({
      siting: "2022-11-01",
      approval: "2023-04-15",
      acquisition: null, // p2 has not got there
      supply: null,
      start: null,
      completion: null,
    });
    expect(milestoneActuals("2022-11-01", [p1, p2, gone], "2023-04-14").approval).toBeNull(); // p2 not yet
  });

  it("a correction that undoes a parcel's move undoes the milestone", () => {
    const corrected: ParcelFacts = { withdrawn: false, reachedOn: { approval: null } };
    expect(milestoneActuals("2022-11-01", [p1, corrected], "2023-12-31").approval).toBeNull();
  });

  it("a project without live parcels has nothing done after siting", () => {
    const none = { approval: null, acquisition: null, supply: null, start: null, completion: null };
    expect(milestoneActuals("2022-11-01", [], "2023-12-31")).toEqual({ siting: "2022-11-01", ...none });
    expect(milestoneActuals("2022-11-01", [gone], "2023-12-31")).toEqual({ siting: "2022-11-01", ...none });
    expect(milestoneActuals("2024-01-05", [], "2023-12-31").siting).toBeNull(); // recorded after the as-of date
  });

  it("a parcel that skipped a step (state-owned land) passed it when it reached the next one", () => {
    const stateOwned: ParcelFacts = { withdrawn: false, reachedOn: { supply: "2023-08-01" } };
    const p3: ParcelFacts = { withdrawn: false, reachedOn: { ...p1.reachedOn, supply: "2023-07-01" } };
    const a = milestoneActuals(null, [p3, stateOwned], "2023-12-31");
    expect(a).toMatchObject({ approval: "2023-08-01", acquisition: "2023-08-01", supply: "2023-08-01", start: null });
  });
});
