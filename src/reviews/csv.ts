import { t, type Lang } from "../i18n";
import { cellText } from "./cells";
import type { Table } from "./tables";

// A cell as Excel and WPS read it: quoted when it holds a comma, quote or line break; a leading = + - @
// is defused with an apostrophe so a parcel name can never run as a formula. Numbers stay bare.
function cell(v: string, numeric: boolean): string {
  let s = v;
  if (!numeric && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const NUMERIC = new Set(["int", "mu", "pct"]);

/**
 * The review as one CSV: UTF-8 with a byte-order mark (so Excel and WPS open it as UTF-8), CRLF rows, each
 * section as its title line, its header and its rows (the page's text, cell for cell), a blank line between.
 */
export function reviewCsv(lang: Lang, heading: string, tables: Table[]): string {
  const lines = [cell(heading, false), ""];
  for (const tb of tables) {
    lines.push(cell(t(lang, `rev.sheet.${tb.id}`), false));
    lines.push(tb.cols.map((c) => cell(t(lang, `rev.col.${c.key}`), false)).join(","));
    for (const row of tb.rows)
      lines.push(tb.cols.map((c, i) => cell(cellText(lang, c, row[i]), NUMERIC.has(c.kind))).join(","));
    lines.push("");
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
