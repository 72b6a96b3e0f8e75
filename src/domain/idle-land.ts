import { addDays, addYears, daysBetween } from "./dates";
import { IDLE_RULES, type IdleRules } from "./idle-rules";

// 供而未用 / 闲置土地 supplied-but-unused and idle land (docs/PRODUCT.md §6). S = the agreed start in force on D
// (after government-cause delays), D = the as-of date. "A year later" is the same calendar date
// (addYears: 29 Feb → 28 Feb), and each level begins ON its threshold day, as docs/PRODUCT.md §6's table says.
export const IDLE_LEVELS = ["due_soon", "overdue", "idle_fee", "recovery"] as const;
export type IdleLevel = (typeof IDLE_LEVELS)[number];

/** The first day of each level for agreed start S, in order. */
export function levelThresholds(s: string, rules: IdleRules = IDLE_RULES): { level: IdleLevel; from: string }[] {
  return [
    { level: "due_soon", from: addDays(s, -rules.dueSoonDays) },
    { level: "overdue", from: s },
    { level: "idle_fee", from: addYears(s, rules.idleFeeYears) },
    { level: "recovery", from: addYears(s, rules.recoveryYears) },
  ];
}

/** The level on D: due_soon S−30 ≤ D < S; overdue S ≤ D < S+1y; idle_fee S+1y ≤ D < S+2y; recovery D ≥ S+2y. */
export function idleLevel(s: string, d: string, rules: IdleRules = IDLE_RULES): IdleLevel | null {
  let level: IdleLevel | null = null;
  for (const t of levelThresholds(s, rules)) if (t.from <= d) level = t.level;
  return level;
}

/** The next level change after D: the level, its first day and the days from D to it; null in `recovery`. */
export function nextThreshold(s: string, d: string, rules: IdleRules = IDLE_RULES) {
  const t = levelThresholds(s, rules).find((x) => x.from > d);
  return t ? { level: t.level, on: t.from, days: daysBetween(d, t.from) } : null;
}

/** D − S in days once S has come (0 on S itself), else null. */
export const daysLate = (s: string, d: string) => (d >= s ? daysBetween(s, d) : null);

/** S − D in days while S is still ahead (1 on the day before), else null. */
export const daysToGo = (s: string, d: string) => (d < s ? daysBetween(d, s) : null);

/**
 * The early-warning group on D (docs/PRODUCT.md §6 "90, 30 and 7 days before S"): the smallest N of the warning
 * days with 1 ≤ S − D ≤ N, so the bounds are inclusive — S−7 is in "within 7", S−8 in "within 30",
 * S−30 in "within 30" (the first due_soon day), S−90 in "within 90", S−91 in none. Each parcel is in
 * one group; none once S has come (it is `overdue` then).
 */
export function warningGroup(s: string, d: string, rules: IdleRules = IDLE_RULES): number | null {
  const toGo = daysToGo(s, d);
  if (toGo === null) return null;
  return [...rules.warningDays].sort((a, b) => a - b).find((n) => toGo <= n) ?? null;
}

/**
 * 土地闲置费: 20% of the price, in 万元 rounded half up to 0.01. Computed on integer 元 so no binary
 * fraction rounds it the wrong way: the fee in units of 0.01 万元 (100 元) is price × 20 ÷ 10,000.
 */
export function idleFeeWan(priceYuan: number, rules: IdleRules = IDLE_RULES): number {
  const hundredsOfYuan = Math.floor((priceYuan * rules.idleFeePercent + 5000) / 10000);
  return hundredsOfYuan / 100;
}

export type IdleFacts = {
  suppliedOn: string | null;
  startedOn: string | null;
  /** The agreed start in force on D (after delays dated ≤ D). */
  agreedStartOn: string | null;
  priceYuan: number | null;
};

export type IdleStatus = {
  level: IdleLevel | null;
  warning: number | null;
  daysLate: number | null;
  daysToGo: number | null;
  next: ReturnType<typeof nextThreshold>;
  /** From idle_fee on, when the parcel has a price (an allocation 划拨 may have none); else null. */
  feeWan: number | null;
};

/** A parcel's idle-land status on D, or null unless it is supplied and not started on D. */
export function idleStatus(p: IdleFacts, d: string, rules: IdleRules = IDLE_RULES): IdleStatus | null {
  const s = p.agreedStartOn;
  if (s === null || p.suppliedOn === null || p.suppliedOn > d || (p.startedOn !== null && p.startedOn <= d))
    return null;
  const level = idleLevel(s, d, rules);
  const feeDue = level === "idle_fee" || level === "recovery";
  return {
    level,
    warning: warningGroup(s, d, rules),
    daysLate: daysLate(s, d),
    daysToGo: daysToGo(s, d),
    next: nextThreshold(s, d, rules),
    feeWan: feeDue && p.priceYuan !== null ? idleFeeWan(p.priceYuan, rules) : null,
  };
}

export type DelayIssue = "delay_not_later" | "delay_over_limit";

/** The latest agreed start any government-cause delay may set: one year after the ORIGINAL agreed start. */
export const delayLimit = (originalStartOn: string, rules: IdleRules = IDLE_RULES) =>
  addYears(originalStartOn, rules.delayMaxYears);

/**
 * Whether a delay to `proposed` is allowed (政府原因延期, docs/PRODUCT.md §6): it must be after the agreed start
 * now in force and at most one year after the original one (that day itself allowed; 29 Feb → 28 Feb).
 * docs/PRODUCT.md §12 counts the year from the supplementary agreement; issue 9 §6 fixes it to the original.
 */
export function delayAllowed(
  originalStartOn: string,
  currentStartOn: string,
  proposed: string,
  rules: IdleRules = IDLE_RULES,
): DelayIssue | null {
  if (proposed <= currentStartOn) return "delay_not_later";
  if (proposed > delayLimit(originalStartOn, rules)) return "delay_over_limit";
  return null;
}

/** The latest agreed start S with addYears(S, n) ≤ D: "n years on" has come by D ⇔ S ≤ this day. */
export function latestStartYearsBefore(d: string, n: number): string {
  let s = addYears(d, -n);
  while (addYears(s, n) > d) s = addDays(s, -1);
  while (addYears(addDays(s, 1), n) <= d) s = addDays(s, 1);
  return s;
}

/** An interval of agreed starts (after, upTo]; after null = unbounded below. */
export type StartRange = { after: string | null; upTo: string };

/**
 * For each level, the agreed starts S that have it on D: idleLevel(S, D) = level ⇔ after < S ≤ upTo. So SQL
 * compares S with four dates instead of doing calendar arithmetic per row (29 Feb + 1 year = 28 Feb here).
 */
export function levelStartRanges(d: string, rules: IdleRules = IDLE_RULES): Record<IdleLevel, StartRange> {
  const recoveryBy = latestStartYearsBefore(d, rules.recoveryYears);
  const feeBy = latestStartYearsBefore(d, rules.idleFeeYears);
  return {
    recovery: { after: null, upTo: recoveryBy },
    idle_fee: { after: recoveryBy, upTo: feeBy },
    overdue: { after: feeBy, upTo: d },
    due_soon: { after: d, upTo: addDays(d, rules.dueSoonDays) },
  };
}

/** For each early-warning group (nearest first), the agreed starts in it on D: warningGroup(S, D) = days ⇔ S in the range. */
export function warningStartRanges(d: string, rules: IdleRules = IDLE_RULES): { days: number; range: StartRange }[] {
  const days = [...rules.warningDays].sort((a, b) => a - b);
  return days.map((n, i) => ({
    days: n,
    range: { after: addDays(d, i === 0 ? 0 : days[i - 1]), upTo: addDays(d, n) },
  }));
}
