import { provisionalYear } from "./calendar-provisional";
import { addDays, daysBetween, isIsoDate } from "./dates";

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

const EPOCH = "1970-01-01";
const dayNumber = (date: string): number => daysBetween(EPOCH, date);
const isWeekendNumber = (n: number): boolean => {
  const w = (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return w === 0 || w === 6;
};
const yearOf = (n: number): number => new Date(n * 86_400_000).getUTCFullYear();

/** A calendar of the given years; a year's dates must lie in it, and no date may be both rest and work. */
export function makeCalendar(entries: readonly CalendarYear[]): Calendar {
  const years = new Map<number, CalendarYear>();
  for (const e of entries) {
    if (years.has(e.year)) throw new Error(`calendar: year ${e.year} given twice`);
    for (const d of [...e.holidays, ...e.workdays]) {
      if (!isIsoDate(d) || Number(d.slice(0, 4)) !== e.year)
        throw new Error(`calendar: ${d} is not a date of ${e.year}`);
    }
    const clash = e.workdays.find((d) => e.holidays.includes(d));
    if (clash) throw new Error(`calendar: ${clash} is both a holiday and a working day`);
    // Copied and frozen: resolved days are cached per calendar, so its data must not change under it.
    years.set(
      e.year,
      Object.freeze({ ...e, holidays: Object.freeze([...e.holidays]), workdays: Object.freeze([...e.workdays]) }),
    );
  }
  return { years };
}

/** The calendar with these years added, replacing any year it held (an admin's correction wins). */
export function withYears(cal: Calendar, entries: readonly CalendarYear[]): Calendar {
  const replaced = new Set(entries.map((e) => e.year));
  return makeCalendar([...[...cal.years.values()].filter((e) => !replaced.has(e.year)), ...entries]);
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

const resolved = new WeakMap<Calendar, Map<string, YearDays>>();

function yearDays(cal: Calendar, year: number, mode: CountMode): YearDays {
  let cache = resolved.get(cal);
  if (!cache) resolved.set(cal, (cache = new Map()));
  const key = `${year}:${mode}`;
  const hit = cache.get(key);
  if (hit) return hit;
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
  const days = { rest, work };
  cache.set(key, days);
  return days;
}

function working(cal: Calendar, n: number, mode: CountMode): boolean {
  const days = yearDays(cal, yearOf(n), mode);
  return isWeekendNumber(n) ? days.work.has(n) : !days.rest.has(n);
}

export function isWorkingDay(cal: Calendar, date: string, mode: CountMode): boolean {
  return working(cal, dayNumber(date), mode);
}

/** The n-th working day after `date` (n < 0: before it); `date` itself is not counted; n = 0 gives `date`. */
export function addWorkingDays(cal: Calendar, date: string, n: number, mode: CountMode): string {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: ${n} is not a whole number`);
  const step = Math.sign(n);
  let day = dayNumber(date);
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (working(cal, day, mode)) left--;
  }
  return addDays(EPOCH, day);
}

// Weekdays among day numbers [0, x): five a week, then the tail of a week that starts on a Thursday.
const TAIL = [0, 1, 2, 2, 2, 3, 4];
const weekdaysBefore = (x: number): number => 5 * Math.floor(x / 7) + TAIL[x - 7 * Math.floor(x / 7)];

/**
 * The working days met going from a to b, the inverse of addWorkingDays: those in (a, b] when b is
 * later, minus those in [b, a) when it is earlier (so it is not antisymmetric on rest days).
 */
export function workingDaysBetween(cal: Calendar, a: string, b: string, mode: CountMode): number {
  const [from, to] = [dayNumber(a), dayNumber(b)];
  return to >= from ? countIn(cal, from, to, mode) : -countIn(cal, to - 1, from - 1, mode);
}

/** Working days in (lo, hi]: counted, not walked, so a slack of years costs a few set scans per year. */
function countIn(cal: Calendar, lo: number, hi: number, mode: CountMode): number {
  let count = weekdaysBefore(hi + 1) - weekdaysBefore(lo + 1);
  for (let y = yearOf(lo); y <= yearOf(hi); y++) {
    const days = yearDays(cal, y, mode);
    for (const n of days.rest) if (n > lo && n <= hi) count--;
    for (const n of days.work) if (n > lo && n <= hi) count++;
  }
  return count;
}
