import { LUNAR_HOLIDAYS } from "./calendar-data/lunar-holidays";
import { addDays, daysBetween } from "./dates";

// The provisional rule of docs/PRODUCT.md §12 for a year whose arrangement (放假安排) is not published yet.

export type StatutoryHoliday = { name: string; days: string[] };

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD date. 1970-01-01 was a Thursday. */
export function weekday(date: string): number {
  return (((daysBetween("1970-01-01", date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/**
 * The statutory holiday days of a year (全国年节及纪念日放假办法, 2024 revision, in force from 2025):
 * 元旦 1, 春节 4 (除夕 and 初一–初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. The lunar ones only for
 * years in LUNAR_HOLIDAYS; for other years only the fixed dates are known. Sorted by first day.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const y = String(year).padStart(4, "0");
  const list: StatutoryHoliday[] = [
    { name: "元旦", days: [`${y}-01-01`] },
    { name: "劳动节", days: [`${y}-05-01`, `${y}-05-02`] },
    { name: "国庆节", days: [`${y}-10-01`, `${y}-10-02`, `${y}-10-03`] },
  ];
  const lunar = LUNAR_HOLIDAYS[year];
  if (lunar) {
    list.push(
      { name: "春节", days: [0, 1, 2, 3].map((n) => addDays(lunar.eve, n)) },
      { name: "清明节", days: [lunar.qingming] },
      { name: "端午节", days: [lunar.dragonBoat] },
      { name: "中秋节", days: [lunar.midAutumn] },
    );
  }
  return list.sort((a, b) => (a.days[0] < b.days[0] ? -1 : a.days[0] > b.days[0] ? 1 : 0));
}

export type ProvisionalYear = {
  /** Statutory holiday days that fall on a weekday: rest days whatever the State Council decides. */
  restWeekdays: string[];
  /** Where the 补假 for holiday days lost to a weekend (or to another holiday) are expected: unknown. */
  unknownMakeUpDays: string[];
};

/**
 * A holiday day on a Saturday or Sunday, or on a day another holiday already holds (中秋 on 3 Oct
 * 2028), is owed a 补假 on a working day (放假办法 第六条) whose date is unknown until published.
 * We expect it on the first weekdays after the holiday: in 2008–2026 the State Council put 59 of the
 * 61 such days there (the exceptions, 端午 2012 and 中秋 2015, went before or into 国庆). Whether a
 * weekday is such a day is uncertain; the caller counts it the safe way. 调休 swaps of weekends for
 * weekdays are not guessed: weekends stay rest days, as docs/PRODUCT.md §12's rule says.
 */
export function provisionalYear(year: number): ProvisionalYear {
  const holidayDays = new Set<string>();
  const restWeekdays: string[] = [];
  const unknownMakeUpDays: string[] = [];
  const holidays = statutoryHolidays(year);
  for (const h of holidays)
    for (const d of h.days) if (!isWeekend(d) && !restWeekdays.includes(d)) restWeekdays.push(d);
  for (const h of holidays) {
    let owed = 0;
    for (const d of h.days) {
      if (isWeekend(d) || holidayDays.has(d)) owed++;
      holidayDays.add(d);
    }
    let d = h.days[h.days.length - 1];
    while (owed > 0) {
      d = addDays(d, 1);
      if (isWeekend(d) || restWeekdays.includes(d) || unknownMakeUpDays.includes(d)) continue;
      unknownMakeUpDays.push(d);
      owed--;
    }
  }
  return { restWeekdays: restWeekdays.sort(), unknownMakeUpDays: unknownMakeUpDays.sort() };
}
