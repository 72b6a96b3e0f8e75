import { CFB, utils, write, type CellObject, type WorkSheet } from "@e965/xlsx";
import { daysBetween } from "../domain/dates";
import { t, type Lang } from "../i18n";
import { cellText } from "./cells";
import type { Table } from "./tables";

// The review as an Excel workbook (SheetJS Community Edition, the ESM build: no fs, runs in Workers). One sheet
// per section with Chinese sheet and column names; numbers as numbers (亩 shown with two decimals, shares as
// percentages), dates as real dates, and the header row frozen.

// Excel's day 0 for the 1900 date system (with its 1900 leap-year bug already folded in).
const EXCEL_EPOCH = "1899-12-30";

function cellOf(lang: Lang, kind: Table["cols"][number], v: Table["rows"][number][number]): CellObject {
  if (v === null || v === undefined) return { t: "z" };
  switch (kind.kind) {
    case "int":
      return { t: "n", v: Number(v), z: "0" };
    case "mu":
      return { t: "n", v: Number(v), z: "0.00" };
    case "pct":
      return { t: "n", v: Number(v), z: "0.0%" };
    case "date":
      return { t: "n", v: daysBetween(EXCEL_EPOCH, String(v)), z: "yyyy-mm-dd" };
    default:
      return { t: "s", v: cellText(lang, kind, v) };
  }
}

function sheetOf(lang: Lang, tb: Table): WorkSheet {
  const ws: WorkSheet = {};
  tb.cols.forEach((c, i) => (ws[utils.encode_cell({ r: 0, c: i })] = { t: "s", v: t(lang, `rev.col.${c.key}`) }));
  tb.rows.forEach((row, r) =>
    tb.cols.forEach((c, i) => (ws[utils.encode_cell({ r: r + 1, c: i })] = cellOf(lang, c, row[i]))),
  );
  ws["!ref"] = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: tb.rows.length, c: tb.cols.length - 1 } });
  ws["!cols"] = tb.cols.map((c) => ({ wch: c.kind === "text" ? 18 : 12 }));
  return ws;
}

// SheetJS CE does not write frozen panes: the sheet XML gets its <pane> here, inside the written zip.
const FROZEN =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>';

function freezeHeaders(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const zip = CFB.read(bytes, { type: "array" });
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  zip.FileIndex.forEach((f: { name: string; content: Uint8Array }, i: number) => {
    if (!/^sheet\d+\.xml$/.test(f.name) || !zip.FullPaths[i].includes("worksheets/")) return;
    const xml = dec.decode(f.content);
    f.content = enc.encode(xml.replace(/<sheetView workbookViewId="0"\s*\/>/, FROZEN));
  });
  return new Uint8Array(CFB.write(zip, { fileType: "zip", type: "array", compression: true }) as ArrayLike<number>);
}

/** The workbook's bytes: a sheet per table, named by the section (Excel allows 31 characters). */
export function reviewXlsx(lang: Lang, tables: Table[]): Uint8Array<ArrayBuffer> {
  const wb = utils.book_new();
  for (const tb of tables) utils.book_append_sheet(wb, sheetOf(lang, tb), t(lang, `rev.sheet.${tb.id}`).slice(0, 31));
  const bytes = new Uint8Array(write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
  return freezeHeaders(bytes);
}
