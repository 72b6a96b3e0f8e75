import { addWorkingDays, workingDaysBetween, type Calendar } from "./calendar";
import { dateOfDay, dayNumber } from "./day-number";

// 倒排时间节点: backward scheduling of a major project's milestones (docs/PRODUCT.md §7).

/** 用地预审与选址, 农转用报批, 征收, 供地, 开工, 竣工 — in chain order. */
export const MILESTONES = ["siting", "approval", "acquisition", "supply", "start", "completion"] as const;
export type Milestone = (typeof MILESTONES)[number];

/**
 * The milestones with a standard duration. A milestone's duration covers the segment from it to the next
 * one (siting → approval, …, supply → start), so its latest date is the next one's minus its duration.
 */
export const SEGMENT_MILESTONES = ["siting", "approval", "acquisition", "supply"] as const;
export type SegmentMilestone = (typeof SEGMENT_MILESTONES)[number];

export type DurationUnit = "working" | "calendar";
export type Duration = { days: number; unit: DurationUnit; note: string };
export type Durations = Readonly<Record<SegmentMilestone, Duration>>;

/**
 * Settings with these defaults (docs/PRODUCT.md §12 "Durations the backward scheduler uses"). All are calendar days:
 * each segment spans several steps, and the rules counted in working days (预公告 10, 征收公告 15, 合同 10)
 * are steps inside them whose practice totals docs/PRODUCT.md §12 gives in days. An admin may set any unit.
 */
export const DEFAULT_DURATIONS: Durations = {
  siting: {
    days: 60,
    unit: "calendar",
    note: "组卷 → provincial approval, practice (docs/PRODUCT.md §12); holds the ≥10-working-day 预公告 and ≥30-day 补偿安置方案公告",
  },
  approval: {
    days: 90,
    unit: "calendar",
    note: "approval → 征收 complete (公告, payment, 协议), practice (docs/PRODUCT.md §12)",
  },
  acquisition: {
    days: 90,
    unit: "calendar",
    note: "征收 → 入库 45 days + 入库 → 供地 45 days (公告 20 + 挂牌 10 + 合同 10 working days), practice (docs/PRODUCT.md §12)",
  },
  supply: {
    days: 30,
    unit: "calendar",
    note: "practice, not yet in docs/PRODUCT.md §12: 出让金 within 30 days of the contract (嘉土秀洲[2024]第07号), then 交地, 拿地即开工",
  },
};

export type Targets = { startOn: string; completionOn: string };
export type Plan = Readonly<Record<Milestone, string>>;

/**
 * `date` minus a duration. Durations are the least time a segment takes, so working days are
 * counted in "min" mode: in a provisional year a possible 补假 is a rest day, which moves the latest
 * date earlier, never later. Working days land on a working day (the n-th working day before).
 */
export function minusDuration(cal: Calendar, date: string, d: Duration): string {
  if (!Number.isInteger(d.days) || d.days < 0) throw new RangeError(`duration ${d.days} is not a whole number ≥ 0`);
  return d.unit === "working" ? addWorkingDays(cal, date, -d.days, "min") : dateOfDay(dayNumber(date) - d.days);
}

/** Each milestone's latest date: start = target start, completion = target completion, the rest backwards. */
export function backwardSchedule(cal: Calendar, targets: Targets, durations: Durations = DEFAULT_DURATIONS): Plan {
  const supply = minusDuration(cal, targets.startOn, durations.supply);
  const acquisition = minusDuration(cal, supply, durations.acquisition);
  const approval = minusDuration(cal, acquisition, durations.approval);
  const siting = minusDuration(cal, approval, durations.siting);
  return { siting, approval, acquisition, supply, start: targets.startOn, completion: targets.completionOn };
}

/** Per milestone, how many working days the current plan lies after the baseline (negative: earlier). */
export function planSlip(cal: Calendar, baseline: Plan, current: Plan): Record<Milestone, number> {
  const slip = {} as Record<Milestone, number>;
  for (const m of MILESTONES) slip[m] = workingDaysBetween(cal, baseline[m], current[m], "min");
  return slip;
}
