import { formatHa, formatMu } from "../domain/area";
import { t, type Lang } from "../i18n";
import type { WorkItem } from "./figures";

// A cell as Excel and WPS read it: quoted when it holds a comma, quote or line break; a leading = + - @
// is defused with an apostrophe so a parcel name can never run as a formula.
function cell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The CSV's first line: a byte-order mark (so Excel and WPS open it as UTF-8), then the Chinese headers. */
export function workListCsvHead(lang: Lang): string {
  const head = ["csv.code", "csv.name", "csv.town", "csv.approvedOn", "csv.mu", "csv.ha", "csv.lapse"].map((k) =>
    t(lang, k),
  );
  return `\uFEFF${head.map(cell).join(",")}\r\n`;
}

/** Work-list rows as CSV lines, each ending in CRLF. */
export function workListCsvRows(items: readonly WorkItem[], lang: Lang): string {
  return items
    .map(
      (p) =>
        [
          p.code,
          p.name,
          p.town,
          p.approvedOn,
          formatMu(p.areaM2),
          formatHa(p.areaM2),
          p.lapse ? t(lang, `lapse.${p.lapse}`) : "",
        ]
          .map(cell)
          .join(",") + "\r\n",
    )
    .join("");
}
