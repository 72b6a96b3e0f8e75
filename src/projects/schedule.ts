import { withYears, yearStatus, type Calendar, type CalendarYear } from "../domain/calendar";
import { DEFAULT_CALENDAR } from "../domain/calendar-default";
import {
  backwardSchedule,
  DEFAULT_DURATIONS,
  MILESTONES,
  planSlip,
  SEGMENT_MILESTONES,
  type Durations,
  type Milestone,
  type Plan,
  type SegmentMilestone,
} from "../domain/schedule";
import { milestoneActuals, type ParcelFacts } from "../domain/schedule-actuals";
import { criticalMilestone, evaluateSchedule, type MilestoneRow, type Problem } from "../domain/schedule-status";
import type { calendarYears, milestoneDurations, ProblemRow, Project } from "../db/schema";
import type { ParcelDatesRow } from "./queries";

// Rows → the schedule of a project on an as-of date: the pure rules of domain/schedule*.ts fed from D1.

/** The calendar schedules use: the package's years, each replaced by an admin's entry for it. */
export function calendarOf(rows: (typeof calendarYears.$inferSelect)[]): Calendar {
  const years: CalendarYear[] = rows.map((r) => ({
    year: r.year,
    holidays: JSON.parse(r.holidays) as string[],
    workdays: JSON.parse(r.workdays) as string[],
    source: "admin",
  }));
  return years.length ? withYears(DEFAULT_CALENDAR, years) : DEFAULT_CALENDAR;
}

const isSegment = (m: string): m is SegmentMilestone => (SEGMENT_MILESTONES as readonly string[]).includes(m);

/** The durations table over the defaults (a missing row keeps its default). */
export function durationsOf(rows: (typeof milestoneDurations.$inferSelect)[]): Durations {
  const d: Record<SegmentMilestone, Durations[SegmentMilestone]> = { ...DEFAULT_DURATIONS };
  for (const r of rows) if (isSegment(r.milestone)) d[r.milestone] = { days: r.days, unit: r.unit, note: r.note };
  return d;
}

/** A parcel's facts on `asOf`: withdrawn only once its withdrawal is dated on or before it. */
export function factsOf(p: ParcelDatesRow, asOf: string): ParcelFacts {
  return {
    withdrawn: p.withdrawnOn !== null && p.withdrawnOn <= asOf,
    reachedOn: {
      approval: p.approvedOn,
      acquisition: p.acquiredOn,
      supply: p.suppliedOn,
      start: p.startedOn,
      completion: p.completedOn,
    },
  };
}

export type ScheduleRow = MilestoneRow & { baselineOn: string; slipDays: number };
export type Schedule = {
  rows: ScheduleRow[];
  critical: Milestone | null;
  /** The worst status among milestones not done (overdue > at_risk > on_track), or done when all are. */
  status: MilestoneRow["status"];
  /** Least slack of a milestone not done (null when all are done): the battle map's sort key. */
  leastSlack: number | null;
  /** Years the plan's dates fall in whose arrangement is provisional. */
  provisionalYears: number[];
};

const RANK = { overdue: 0, at_risk: 1, on_track: 2, done: 3 } as const;

export function parsePlan(json: string): Plan {
  return JSON.parse(json) as Plan;
}

/** The schedule of `project` on `asOf`, from its parcels' date columns and its problems. */
export function scheduleOf(
  cal: Calendar,
  durations: Durations,
  project: Project,
  parcels: readonly ParcelDatesRow[],
  problems: readonly ProblemRow[],
  asOf: string,
): Schedule {
  const plan = backwardSchedule(
    cal,
    { startOn: project.targetStartOn, completionOn: project.targetCompletionOn },
    durations,
  );
  const baseline = parsePlan(project.baselinePlan);
  const actuals = milestoneActuals(
    project.sitingOn,
    parcels.map((p) => factsOf(p, asOf)),
    asOf,
  );
  const blocking: Problem[] = problems.map((p) => ({
    milestone: p.milestone as Milestone,
    status: p.status,
    dueOn: p.dueOn,
  }));
  const slip = planSlip(cal, baseline, plan);
  const rows = evaluateSchedule(cal, plan, actuals, blocking, asOf).map((r) => ({
    ...r,
    baselineOn: baseline[r.milestone],
    slipDays: slip[r.milestone],
  }));
  const open = rows.filter((r) => r.status !== "done");
  const status = open.reduce<MilestoneRow["status"]>((w, r) => (RANK[r.status] < RANK[w] ? r.status : w), "done");
  const slacks = open.map((r) => r.slackDays ?? 0);
  const years = new Set(
    [...MILESTONES.map((m) => plan[m]), ...MILESTONES.map((m) => baseline[m])].map((d) => +d.slice(0, 4)),
  );
  return {
    rows,
    critical: criticalMilestone(rows),
    status,
    leastSlack: slacks.length ? Math.min(...slacks) : null,
    provisionalYears: [...years].filter((y) => yearStatus(cal, y) === "provisional").sort(),
  };
}

/** Risk order of the battle map: overdue first, then at risk, then the least slack, then by name. */
export function byRisk<T extends { schedule: Schedule; project: Project }>(a: T, b: T): number {
  const r = RANK[a.schedule.status] - RANK[b.schedule.status];
  if (r) return r;
  const sa = a.schedule.leastSlack ?? Infinity;
  const sb = b.schedule.leastSlack ?? Infinity;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.project.id - b.project.id;
}
