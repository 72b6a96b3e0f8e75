import { makeCalendar, type Calendar, type CalendarYear } from "./calendar";

/** The shape of `chinese-days/dist/chinese-days.json`: date → "English,中文,days" for each map. */
export type ChineseDaysData = {
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
  inLieuDays: Readonly<Record<string, string>>;
};

/**
 * A calendar of exactly `years` from the package's data. Other years are left out on purpose: the
 * package answers "working day" for any weekday of a year it lacks (1 Jan 2027 included), so the
 * calendar must not learn of them from it. A year in the range without any data is refused rather
 * than taken as a year without holidays. `inLieuDays` (调休 rest days) are already in `holidays`;
 * they are merged anyway so that a data change cannot drop them.
 */
export function calendarFromChineseDays(json: ChineseDaysData, years: { from: number; to: number }): Calendar {
  const entries: CalendarYear[] = [];
  for (let year = years.from; year <= years.to; year++) {
    const inYear = (map: Readonly<Record<string, string>>) => Object.keys(map).filter((d) => d.startsWith(`${year}-`));
    const holidays = [...new Set([...inYear(json.holidays), ...inYear(json.inLieuDays)])].sort();
    if (holidays.length === 0) throw new Error(`chinese-days has no holidays for ${year}`);
    entries.push({ year, holidays, workdays: inYear(json.workdays).sort(), source: "chinese-days" });
  }
  return makeCalendar(entries);
}
