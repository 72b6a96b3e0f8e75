import { CSV_BOM, csvCell } from "../http/csv";
import { t, type Lang } from "../i18n";
import { cellText } from "./cells";
import type { Table } from "./tables";

const NUMERIC = new Set(["int", "mu", "pct"]);

/**
 * The review as one CSV: UTF-8 with a byte-order mark (so Excel and WPS open it as UTF-8), CRLF rows, each
 * section as its title line, its header and its rows (the page's text, cell for cell), a blank line between.
 */
export function reviewCsv(lang: Lang, heading: string, tables: Table[]): string {
  const lines = [csvCell(heading, false), ""];
  for (const tb of tables) {
    lines.push(csvCell(t(lang, `rev.sheet.${tb.id}`), false));
    lines.push(tb.cols.map((c) => csvCell(t(lang, `rev.col.${c.key}`), false)).join(","));
    for (const row of tb.rows)
      lines.push(tb.cols.map((c, i) => csvCell(cellText(lang, c, row[i]), NUMERIC.has(c.kind))).join(","));
    lines.push("");
  }
  return `${CSV_BOM}${lines.join("\r\n")}\r\n`;
}
