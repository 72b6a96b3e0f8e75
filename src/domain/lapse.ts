import { BATCH_RULES, type BatchRules } from "./batch-rules";
import { addDays, addYears } from "./dates";

// 批准文件自动失效 approval lapse (docs/PRODUCT.md §4, docs/PRODUCT.md §12): land approved but not expropriated within two years.
export type LapseLevel = "lapse_soon" | "lapsed";

/**
 * The day an approval lapses unless its land is expropriated: the first day AFTER the lapse period.
 * The period is counted as the Civil Code counts periods in years (民法典 第201–203条): the day of
 * approval is not counted and the period ends with the same calendar date `lapseYears` later — that
 * anniversary is still inside it, so it shows `lapse_soon`; `lapsed` starts the day after. Approval
 * on 29 Feb: the period ends on 28 Feb (no corresponding day → the month's last day, 第202条).
 */
export function lapseDate(approvedOn: string, rules: BatchRules = BATCH_RULES): string {
  return addDays(addYears(approvedOn, rules.lapseYears), 1);
}

/** The first day of the warning window: `lapseWarningDays` before the anniversary itself. */
export function lapseWarningFrom(approvedOn: string, rules: BatchRules = BATCH_RULES): string {
  return addDays(addYears(approvedOn, rules.lapseYears), -rules.lapseWarningDays);
}

/**
 * A parcel's lapse level on `today`, or null. Only parcels still in `approved` are at risk: moving
 * to `acquired` is the expropriation that keeps the approval alive, a state-owned parcel skipping to
 * the reserve has nothing to expropriate, and a withdrawn one has no approval left.
 */
export function lapseLevel(
  parcel: { state: string; approvedOn: string | null },
  today: string,
  rules: BatchRules = BATCH_RULES,
): LapseLevel | null {
  if (parcel.state !== "approved" || !parcel.approvedOn) return null;
  if (today >= lapseDate(parcel.approvedOn, rules)) return "lapsed";
  if (today >= lapseWarningFrom(parcel.approvedOn, rules)) return "lapse_soon";
  return null;
}
