import { t, type Lang } from "../i18n";
import type { Problem } from "./plan";

const STATE_PARAMS = new Set(["from", "to"]);

/** A problem in words: the catalogue's message, with state codes (from/to) named as the chain names them. */
export function problemText(lang: Lang, p: Problem): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params ?? {})) params[k] = STATE_PARAMS.has(k) ? t(lang, `state.${v}`) : v;
  return t(lang, `field.${p.code}`, params);
}

// Excel and WPS read a CSV as UTF-8 only when it opens with the BOM; a cell starting with = + - @
// would run as a formula there, so such a cell is written with a leading apostrophe.
const cell = (v: string | number) => {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The dry run's problems as a CSV an officer opens in Excel: row, column, value, what is wrong. */
export function problemsCsv(problems: Problem[], lang: Lang): string {
  const head = [
    t(lang, "imp.col.row"),
    t(lang, "imp.col.column"),
    t(lang, "imp.col.value"),
    t(lang, "imp.col.problem"),
  ];
  const lines = [head, ...problems.map((p) => [p.row, p.column, p.value, problemText(lang, p)])];
  return "\ufeff" + lines.map((l) => l.map(cell).join(",")).join("\r\n") + "\r\n";
}
