import { read, utils, type WorkBook } from "@e965/xlsx";
import { MAX_IMPORT_BYTES } from "../http/limits";

export const ENCODINGS = ["utf-8", "gb18030"] as const;
export type Encoding = (typeof ENCODINGS)[number];

export type Cell = string | number;
export type LedgerFile =
  | { ok: true; kind: "csv"; encoding: Encoding; detected: Encoding; rows: Cell[][] }
  | { ok: true; kind: "xlsx"; sheets: string[]; sheet: string; rows: Cell[][] }
  | { ok: false; code: "file_empty" | "file_too_large" | "file_type" | "file_unreadable" | "sheet_unknown" };

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * UTF-8 when the bytes carry its BOM or decode as UTF-8 without error; otherwise GB18030, the
 * superset of GBK that Chinese Excel and WPS write ("ANSI" CSV). A GBK file of Chinese text is
 * almost never valid UTF-8 (its lead bytes 0x81–0xFE are followed by bytes UTF-8 forbids there).
 */
export function detectEncoding(bytes: Uint8Array): Encoding {
  if (startsWith(bytes, UTF8_BOM)) return "utf-8";
  try {
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

/** Text of a CSV in the given encoding, without a BOM. Undecodable bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: Encoding): string {
  // TextDecoder drops a leading UTF-8 BOM by itself; gb18030 has none.
  return new TextDecoder(encoding).decode(bytes);
}

// Control characters a text file never holds but binary files (XLS, PDF, images) are full of.
const BINARY = /[\u0000-\u0008\u000e-\u001a]/;

/**
 * Reads an uploaded ledger: an XLSX (a ZIP; its first sheet unless `sheet` names another) or a
 * CSV (encoding detected unless given). Cells come back as the file holds them: text as text
 * (a code "00314" keeps its zeros), XLSX numbers and dates as numbers (dates are Excel serials).
 */
export function readLedgerFile(bytes: Uint8Array, opts: { encoding?: Encoding; sheet?: string } = {}): LedgerFile {
  if (bytes.length === 0) return { ok: false, code: "file_empty" };
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, code: "file_too_large" };
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, opts.sheet);
  const detected = detectEncoding(bytes);
  const encoding = opts.encoding ?? detected;
  const text = decodeText(bytes, encoding);
  if (BINARY.test(text.slice(0, 4096))) return { ok: false, code: "file_type" };
  let wb: WorkBook;
  try {
    // raw: no type guessing — "00314" stays text and "2023/5/6" is read by the ledger's own rules.
    wb = read(text, { type: "string", raw: true, dense: true });
  } catch {
    return { ok: false, code: "file_unreadable" };
  }
  const rows = sheetRows(wb, wb.SheetNames[0]);
  if (!rows.length) return { ok: false, code: "file_empty" };
  return { ok: true, kind: "csv", encoding, detected, rows };
}

function readXlsx(bytes: Uint8Array, sheet: string | undefined): LedgerFile {
  let wb: WorkBook;
  try {
    wb = read(bytes, { type: "array", dense: true, cellDates: false, cellFormula: false, cellHTML: false });
  } catch {
    return { ok: false, code: "file_unreadable" };
  }
  // A ZIP that is not a workbook (a .docx, a plain archive) reads as no sheets or throws above.
  if (!wb.SheetNames.length) return { ok: false, code: "file_type" };
  const chosen = sheet ?? wb.SheetNames[0];
  if (!wb.SheetNames.includes(chosen)) return { ok: false, code: "sheet_unknown" };
  const rows = sheetRows(wb, chosen);
  if (!rows.length) return { ok: false, code: "file_empty" };
  return { ok: true, kind: "xlsx", sheets: wb.SheetNames, sheet: chosen, rows };
}

/**
 * The sheet's rows as cells from its first row, blank rows kept (so `rows[i]` is spreadsheet row
 * i + 1 and a report's row numbers are the ones Excel shows), trailing blank rows dropped,
 * strings trimmed, booleans and errors as text.
 */
function sheetRows(wb: WorkBook, name: string): Cell[][] {
  const ws = wb.Sheets[name];
  const ref = ws["!ref"];
  if (!ref) return [];
  // Start the range at A1 so leading blank rows and columns keep their places.
  const range = utils.decode_range(ref);
  range.s = { r: 0, c: 0 };
  const raw = utils.sheet_to_json<unknown[]>(ws, {
    header: 1,
    raw: true,
    defval: "",
    blankrows: true,
    range: utils.encode_range(range),
  });
  const rows = raw.map((r) => r.map((c): Cell => (typeof c === "number" ? c : String(c ?? "").trim())));
  while (rows.length && rows[rows.length - 1].every((c) => c === "")) rows.pop();
  return rows;
}
