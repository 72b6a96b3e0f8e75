import { formatHa, formatMu } from "../domain/area";
import { CSV_BOM, csvLine } from "../http/csv";
import { t, type Lang } from "../i18n";
import type { WorkItem } from "./figures";

/** The CSV's first line: a byte-order mark (so Excel and WPS open it as UTF-8), then the Chinese headers. */
export function workListCsvHead(lang: Lang): string {
  const head = ["csv.code", "csv.name", "csv.town", "csv.approvedOn", "csv.mu", "csv.ha", "csv.lapse"].map((k) =>
    t(lang, k),
  );
  return CSV_BOM + csvLine(head);
}

/** Work-list rows as CSV lines, each ending in CRLF. */
export function workListCsvRows(items: readonly WorkItem[], lang: Lang): string {
  return items
    .map((p) =>
      csvLine([
        p.code,
        p.name,
        p.town,
        p.approvedOn,
        formatMu(p.areaM2),
        formatHa(p.areaM2),
        p.lapse ? t(lang, `lapse.${p.lapse}`) : "",
      ]),
    )
    .join("");
}
