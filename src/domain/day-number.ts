// Dates as day numbers (days since 1970-01-01) by integer arithmetic, for the working-day calendar's hot
// paths: no Date objects, no string splitting. The civil-calendar conversions are the proleptic Gregorian
// ones of H. Hinnant's "chrono-compatible low-level date algorithms" (eras of 400 years = 146,097 days).

/** Days from 1970-01-01 to the given year, month (1–12) and day. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The year, month (1–12) and day of a day number. */
export function civilFromDays(n: number): [number, number, number] {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const digits = (s: string, from: number, to: number): number => {
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return v;
};

/** The day number of a YYYY-MM-DD date; a string of another shape is refused (never a NaN that loops). */
export function dayNumber(date: string): number {
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  if (date.length !== 10 || date[4] !== "-" || date[7] !== "-" || !(y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31))
    throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return daysFromCivil(y, m, d);
}

const pad2 = (v: number) => (v < 10 ? `0${v}` : String(v));

/** The YYYY-MM-DD date of a day number (years 0–9999). */
export function dateOfDay(n: number): string {
  const [y, m, d] = civilFromDays(n);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/** The calendar year a day number falls in. */
export const yearOfDay = (n: number): number => civilFromDays(n)[0];
