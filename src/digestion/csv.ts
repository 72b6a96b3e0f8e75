import { formatHa, formatMu } from "../domain/area";
import { t, type Lang } from "../i18n";
import type { Digestion } from "./figures";

// A cell as Excel and WPS read it: quoted when it holds a comma, quote or line break; a leading = + - @
// is defused with an apostrophe so a parcel name can never run as a formula.
function cell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The work list as CSV: UTF-8 with a byte-order mark (so Excel opens it as UTF-8), Chinese headers, CRLF rows. */
export function workListCsv(d: Digestion, lang: Lang): string {
  const head = ["csv.code", "csv.name", "csv.town", "csv.approvedOn", "csv.mu", "csv.ha", "csv.lapse"].map((k) =>
    t(lang, k),
  );
  const rows = d.workList.items.map((p) =>
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
      .join(","),
  );
  return `\uFEFF${[head.map(cell).join(","), ...rows].join("\r\n")}\r\n`;
}
