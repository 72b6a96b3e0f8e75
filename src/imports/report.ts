import { csvText } from "../http/csv";
import { t, type Lang } from "../i18n";
import type { Problem } from "./plan";

const STATE_PARAMS = new Set(["from", "to"]);

/** A problem in words: the catalogue's message, with state codes (from/to) named as the chain names them. */
export function problemText(lang: Lang, p: Problem): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params ?? {})) params[k] = STATE_PARAMS.has(k) ? t(lang, `state.${v}`) : v;
  return t(lang, `field.${p.code}`, params);
}

/** The dry run's problems as a CSV an officer opens in Excel: row, column, value, what is wrong. */
export function problemsCsv(problems: Problem[], lang: Lang): string {
  const head = [
    t(lang, "imp.col.row"),
    t(lang, "imp.col.column"),
    t(lang, "imp.col.value"),
    t(lang, "imp.col.problem"),
  ];
  // The value as the file held it, text even when it looks like a number (a defused "-5" says what was typed).
  return csvText(
    head,
    problems.map((p) => [p.row, p.column, String(p.value), problemText(lang, p)]),
  );
}
