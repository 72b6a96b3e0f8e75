import { addDays, addYears } from "./dates";
import { idleLevel, levelThresholds, type IdleLevel } from "./idle-land";
import { IDLE_RULES } from "./idle-rules";
import { mondayOf } from "./week";

// 今日工作 the home page's rules (issue 14 §5): which supplied parcels and which idle cases need an officer today.

/** The week `today` falls in, Monday to Sunday. */
export const thisWeek = (today: string) => ({ from: mondayOf(today), to: addDays(mondayOf(today), 6) });

/**
 * The idle level (idle_fee 闲置费 or recovery 无偿收回) a parcel with agreed start S entered this week, on or
 * before today: its threshold (S + 1 year, S + 2 years) falls between this Monday and today. Else null.
 */
export function becameIdleCase(s: string, today: string): IdleLevel | null {
  const level = idleLevel(s, today);
  if (level !== "idle_fee" && level !== "recovery") return null;
  const from = levelThresholds(s).find((t) => t.level === level)!.from;
  return from >= mondayOf(today) ? level : null;
}

/** The agreed-start windows that can hold such parcels on `today`: the next 90 days, and this week's new cases. */
export function agreedStartWindows(today: string): [string, string][] {
  const monday = mondayOf(today);
  const back = (years: number): [string, string] => [addYears(monday, -years), addYears(today, -years)];
  const longest = Math.max(...IDLE_RULES.warningDays);
  // A few days' margin each side for 29 February; the domain's functions decide.
  const widen = ([a, b]: [string, string]): [string, string] => [addDays(a, -2), addDays(b, 2)];
  return [
    [addDays(today, 1), addDays(today, longest)],
    widen(back(IDLE_RULES.idleFeeYears)),
    widen(back(IDLE_RULES.recoveryYears)),
  ];
}
