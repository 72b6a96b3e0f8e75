import { provisionalYear } from "./calendar-provisional";
import { isIsoDate } from "./dates";
import { dateOfDay, dayNumber, daysFromCivil, yearOfDay } from "./day-number";

// 工作日历: the Chinese working-day calendar as data (docs/PRODUCT.md §7, docs/PRODUCT.md §12 "Working-day calendar").

export type CalendarSource = "chinese-days" | "admin";
export type YearStatus = "official" | "admin" | "provisional";
/** How a day that may or may not be a 补假 rest day counts: "min" (a period that must elapse) as a
 * rest day, "max" (a deadline) as a working day — so neither ends too early. */
export type CountMode = "min" | "max";

export type CalendarYear = {
  year: number;
  /** Rest days on weekdays (weekend dates may be listed; they change nothing). */
  holidays: readonly string[];
  /** 调休 make-up working days on weekends. */
  workdays: readonly string[];
  source: CalendarSource;
  /** Only some dates known: the listed ones are certain, the rest of the year follows the provisional rule. */
  provisional?: boolean;
};

export type Calendar = { readonly years: ReadonlyMap<number, CalendarYear> };

type YearDays = { rest: ReadonlySet<number>; work: ReadonlySet<number> };

const isWeekendNumber = (n: number): boolean => {
  const w = (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return w === 0 || w === 6;
};

function checkedYear(e: CalendarYear): CalendarYear {
  for (const d of [...e.holidays, ...e.workdays]) {
    if (!isIsoDate(d) || Number(d.slice(0, 4)) !== e.year) throw new Error(`calendar: ${d} is not a date of ${e.year}`);
  }
  const clash = e.workdays.find((d) => e.holidays.includes(d));
  if (clash) throw new Error(`calendar: ${clash} is both a holiday and a working day`);
  // Copied and frozen: each year's index is built once per calendar, so its data must not change under it.
  return Object.freeze({ ...e, holidays: Object.freeze([...e.holidays]), workdays: Object.freeze([...e.workdays]) });
}

function calendarOfYears(kept: readonly CalendarYear[], added: readonly CalendarYear[]): Calendar {
  const years = new Map<number, CalendarYear>();
  for (const e of kept) years.set(e.year, e);
  for (const e of added) {
    if (years.has(e.year)) throw new Error(`calendar: year ${e.year} given twice`);
    years.set(e.year, checkedYear(e));
  }
  return { years };
}

/** A calendar of the given years; a year's dates must lie in it, and no date may be both rest and work. */
export function makeCalendar(entries: readonly CalendarYear[]): Calendar {
  return calendarOfYears([], entries);
}

/** The calendar with these years added, replacing any year it held (an admin's correction wins). */
export function withYears(cal: Calendar, entries: readonly CalendarYear[]): Calendar {
  const replaced = new Set(entries.map((e) => e.year));
  // The calendar's own years were checked when it was made; only the new ones are checked here.
  return calendarOfYears(
    [...cal.years.values()].filter((e) => !replaced.has(e.year)),
    entries,
  );
}

export function yearStatus(cal: Calendar, year: number): YearStatus {
  const e = cal.years.get(year);
  if (!e || e.provisional) return "provisional";
  return e.source === "chinese-days" ? "official" : "admin";
}

/** The first and last year whose arrangement the calendar holds in full, or null (gaps: see yearStatus). */
export function coveredYears(cal: Calendar): { from: number; to: number } | null {
  const full = [...cal.years.values()].filter((e) => !e.provisional).map((e) => e.year);
  return full.length ? { from: Math.min(...full), to: Math.max(...full) } : null;
}

/** The rest days and make-up working days of a year, in `mode`, as day numbers. */
function yearDays(cal: Calendar, year: number, mode: CountMode): YearDays {
  const e = cal.years.get(year);
  const rest = new Set<number>();
  const work = new Set<number>();
  if (!e || e.provisional) {
    const p = provisionalYear(year);
    for (const d of p.restWeekdays) rest.add(dayNumber(d));
    if (mode === "min") for (const d of p.unknownMakeUpDays) rest.add(dayNumber(d));
  }
  // A date the entry names is certain: it overrides the provisional guesses.
  for (const d of e?.holidays ?? []) if (!isWeekendNumber(dayNumber(d))) rest.add(dayNumber(d));
  for (const d of e?.workdays ?? []) {
    if (isWeekendNumber(dayNumber(d))) work.add(dayNumber(d));
    else rest.delete(dayNumber(d)); // a weekday confirmed as working: no longer a possible 补假
  }
  return { rest, work };
}

/**
 * A year of the calendar as an index: for each day of the year whether it is a working day, and how many
 * working days come before it in the year. Built once per calendar, year and mode (a calendar is immutable:
 * an admin's change makes a new one), so a count over any span is a few array reads, not a walk.
 */
type YearIndex = { start: number; working: Uint8Array; before: Int32Array };

const indexes = new WeakMap<Calendar, Map<number, YearIndex>>();

function yearIndex(cal: Calendar, year: number, mode: CountMode): YearIndex {
  let byYear = indexes.get(cal);
  if (!byYear) indexes.set(cal, (byYear = new Map()));
  const key = mode === "min" ? year * 2 : year * 2 + 1;
  const hit = byYear.get(key);
  if (hit) return hit;
  const { rest, work } = yearDays(cal, year, mode);
  const start = daysFromCivil(year, 1, 1);
  const length = daysFromCivil(year + 1, 1, 1) - start;
  const working = new Uint8Array(length);
  const before = new Int32Array(length + 1);
  for (let k = 0; k < length; k++) {
    const n = start + k;
    working[k] = (isWeekendNumber(n) ? work.has(n) : !rest.has(n)) ? 1 : 0;
    before[k + 1] = before[k] + working[k];
  }
  const ix = { start, working, before };
  byYear.set(key, ix);
  return ix;
}

const indexOfDay = (cal: Calendar, n: number, mode: CountMode) => yearIndex(cal, yearOfDay(n), mode);

export function isWorkingDay(cal: Calendar, date: string, mode: CountMode): boolean {
  const n = dayNumber(date);
  const ix = indexOfDay(cal, n, mode);
  return ix.working[n - ix.start] === 1;
}

/** The n-th working day after `date` (n < 0: before it); `date` itself is not counted; n = 0 gives `date`. */
export function addWorkingDays(cal: Calendar, date: string, n: number, mode: CountMode): string {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: ${n} is not a whole number`);
  const step = Math.sign(n);
  let day = dayNumber(date);
  let ix = indexOfDay(cal, day, mode);
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (day < ix.start || day >= ix.start + ix.working.length) ix = indexOfDay(cal, day, mode);
    if (ix.working[day - ix.start] === 1) left--;
  }
  return dateOfDay(day);
}

/**
 * The working days met going from a to b, the inverse of addWorkingDays: those in (a, b] when b is
 * later, minus those in [b, a) when it is earlier (so it is not antisymmetric on rest days).
 */
export function workingDaysBetween(cal: Calendar, a: string, b: string, mode: CountMode): number {
  const [from, to] = [dayNumber(a), dayNumber(b)];
  return to >= from ? countIn(cal, from + 1, to, mode) : 0 - countIn(cal, to, from - 1, mode); // 0 − x: never −0
}

/** Working days in [first, last]: per year touched, the difference of two running counts. */
function countIn(cal: Calendar, first: number, last: number, mode: CountMode): number {
  let count = 0;
  for (let n = first; n <= last;) {
    const ix = indexOfDay(cal, n, mode);
    const end = Math.min(last, ix.start + ix.working.length - 1);
    count += ix.before[end + 1 - ix.start] - ix.before[n - ix.start];
    n = end + 1;
  }
  return count;
}

/** A stretch of consecutive rest days; `holiday` when one of them is a weekday (a statutory holiday or 补假). */
export type RestRun = { from: string; to: string; days: number; holiday: boolean };

/**
 * The rest days in [from, to], as runs of consecutive days (a weekend is one run; the 2024 Spring Festival,
 * Sat 10 – Sat 17 Feb, another, while its make-up Sundays 4 and 18 Feb are working days and in none).
 * "max" by default: in a provisional year only the rest days that are certain.
 */
export function restRuns(cal: Calendar, from: string, to: string, mode: CountMode = "max"): RestRun[] {
  const runs: RestRun[] = [];
  const [first, last] = [dayNumber(from), dayNumber(to)];
  let open: { start: number; holiday: boolean } | null = null;
  const close = (end: number) => {
    if (open)
      runs.push({ from: dateOfDay(open.start), to: dateOfDay(end), days: end - open.start + 1, holiday: open.holiday });
    open = null;
  };
  for (let n = first, ix = indexOfDay(cal, n, mode); n <= last; n++) {
    if (n >= ix.start + ix.working.length) ix = indexOfDay(cal, n, mode);
    if (ix.working[n - ix.start] === 1) close(n - 1);
    else if (open) open.holiday ||= !isWeekendNumber(n);
    else open = { start: n, holiday: !isWeekendNumber(n) };
  }
  close(last);
  return runs;
}

/** The weekend days in [from, to] that are 调休 make-up working days. */
export function makeUpWorkdays(cal: Calendar, from: string, to: string, mode: CountMode = "max"): string[] {
  const days: string[] = [];
  const [first, last] = [dayNumber(from), dayNumber(to)];
  for (let n = first, ix = indexOfDay(cal, n, mode); n <= last; n++) {
    if (n >= ix.start + ix.working.length) ix = indexOfDay(cal, n, mode);
    if (ix.working[n - ix.start] === 1 && isWeekendNumber(n)) days.push(dateOfDay(n));
  }
  return days;
}
