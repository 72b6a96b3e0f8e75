import { workingDaysBetween, type Calendar } from "./calendar";
import { MILESTONES, type Milestone, type Plan } from "./schedule";

// 作战图 cell status of each milestone on an as-of date (docs/PRODUCT.md §7).

export type MilestoneStatus = "done" | "on_track" | "at_risk" | "overdue";

/** docs/PRODUCT.md §7: "at_risk (latest date within 10 working days)"; a setting with this default. */
export const AT_RISK_WORKING_DAYS = 10;

/** A 问题清单 entry as far as status cares: the milestone it blocks, whether open, when due. */
export type Problem = { milestone: Milestone; status: "open" | "resolved"; dueOn: string | null };

export type MilestoneRow = {
  milestone: Milestone;
  plannedOn: string;
  actualOn: string | null;
  status: MilestoneStatus;
  /** Working days from the as-of date to the latest date; negative when overdue; null when done. */
  slackDays: number | null;
};

/**
 * Working days left: those in (asOf, latestOn]. "min" mode, so in a provisional year a possible 补假
 * is not counted as a day left — slack is never overstated.
 */
export function slackDays(cal: Calendar, asOf: string, latestOn: string): number {
  return workingDaysBetween(cal, asOf, latestOn, "min");
}

/**
 * `done` once reached; `overdue` the day after the latest date; `at_risk` while at most
 * `atRiskDays` working days are left (the latest date itself included: 0 left); else `on_track`.
 * An open problem blocking it whose due date has passed (asOf > dueOn) lifts on_track to at_risk.
 */
export function milestoneStatus(
  cal: Calendar,
  asOf: string,
  latestOn: string,
  actualOn: string | null,
  blockedPastDue = false,
  atRiskDays = AT_RISK_WORKING_DAYS,
): MilestoneStatus {
  if (actualOn !== null) return "done";
  if (asOf > latestOn) return "overdue";
  return statusOfOpen(slackDays(cal, asOf, latestOn), blockedPastDue, atRiskDays);
}

/** milestoneStatus of a milestone not done and not past its latest date, from its slack. */
const statusOfOpen = (slack: number, blockedPastDue: boolean, atRiskDays: number): MilestoneStatus =>
  blockedPastDue || slack <= atRiskDays ? "at_risk" : "on_track";

export function isPastDue(p: Problem, asOf: string): boolean {
  return p.status === "open" && p.dueOn !== null && asOf > p.dueOn;
}

/** The six rows of a project's schedule on `asOf`. */
export function evaluateSchedule(
  cal: Calendar,
  plan: Plan,
  actuals: Readonly<Record<Milestone, string | null>>,
  problems: readonly Problem[],
  asOf: string,
  atRiskDays = AT_RISK_WORKING_DAYS,
): MilestoneRow[] {
  return MILESTONES.map((milestone) => {
    const actualOn = actuals[milestone];
    const plannedOn = plan[milestone];
    if (actualOn !== null) return { milestone, plannedOn, actualOn, status: "done", slackDays: null };
    // The slack is counted once and serves both the status and the row (the same rule as milestoneStatus).
    const slack = slackDays(cal, asOf, plannedOn);
    const blocked = problems.some((p) => p.milestone === milestone && isPastDue(p, asOf));
    const status = asOf > plannedOn ? "overdue" : statusOfOpen(slack, blocked, atRiskDays);
    return { milestone, plannedOn, actualOn, status, slackDays: slack };
  });
}

/** The milestone not yet done with the least slack (the earliest in chain order on a tie), or null. */
export function criticalMilestone(rows: readonly MilestoneRow[]): Milestone | null {
  let best: MilestoneRow | null = null;
  for (const r of rows) {
    if (r.slackDays === null) continue;
    if (best === null || r.slackDays < (best.slackDays ?? Infinity)) best = r;
  }
  return best?.milestone ?? null;
}
