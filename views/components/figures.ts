import { haRounded, muRounded } from "../../src/domain/area";

// The one way a figure is shown (issue 10): thousands separated, fixed decimals — 1,499,985.00 亩.
// CSV downloads keep plain numbers (they are data for a spreadsheet, not text to read).

/** `value` with `digits` decimals and a comma every three integer digits: 1234567.891, 2 → "1,234,567.89". */
export function grouped(value: number, digits = 0): string {
  const fixed = value.toFixed(digits);
  const negative = fixed.startsWith("-");
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split(".");
  const body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${body}${frac === undefined ? "" : `.${frac}`}`;
}

/** An area in 亩, two decimals: 410800 m² → "616.20". */
export const muText = (m2: number) => grouped(muRounded(m2), 2);
/** An area in 公顷, four decimals: 410800 m² → "41.0800". */
export const haText = (m2: number) => grouped(haRounded(m2), 4);
/** A count: 12345 → "12,345". */
export const countText = (n: number) => grouped(n, 0);
