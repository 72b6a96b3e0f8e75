import { Zip, ZipDeflate } from "fflate";
import { daysBetween } from "../domain/dates";

// A one-sheet XLSX streamed a page at a time, for the exports of whole lists (50,000 parcels). SheetJS — the
// reader of the import and the writer of the weekly review's workbook — builds the whole workbook in memory:
// at 50,000 × 29 cells that took about 10 s and 800 MB of heap in Node, far over a Worker's 128 MB. So the
// sheet's XML is written row by row here and zipped as it goes by fflate's streaming Zip; the other parts of
// the package are the few fixed lines ECMA-376 requires. Text goes in as inline strings (no shared-string
// table to hold in memory), dates as Excel serial numbers shown yyyy-mm-dd, the header row bold and frozen.

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A cell: text, a number, a date (YYYY-MM-DD, written as a date Excel and WPS sort and filter), or empty. */
export type XlsxCell = string | number | { date: string } | null;
export interface XlsxColumn {
  header: string;
  /** Width in characters (Excel's unit); 12 when not given. */
  width?: number;
  /** How the column's numbers are shown: 亩 with two decimals, 公顷 with four; as typed when not given. */
  decimals?: 2 | 4;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT_TYPES =
  XML +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  "</Types>";
const ROOT_RELS =
  XML +
  `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS =
  XML +
  `<Relationships xmlns="${PKG_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
// Styles: 0 plain, 1 a date (custom format 164), 2 bold (the header row), 3 two decimals (built-in format 2),
// 4 four decimals (custom format 165).
const STYLES =
  XML +
  `<styleSheet xmlns="${MAIN}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.0000"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

const workbook = (sheet: string) =>
  XML +
  `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${escapeXml(sheetName(sheet))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

// Excel refuses a sheet name over 31 characters or with any of : \ / ? * [ ].
const sheetName = (s: string) => s.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet1";

// XML 1.0 has no place for most control characters: they are dropped rather than break the file.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const escapeXml = (s: string) =>
  s
    .replace(INVALID_XML, "")
    .replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!);

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// Excel's day 0 for the 1900 date system, its 1900 leap-year bug folded in: 1900-03-01 is serial 61.
const EXCEL_EPOCH = "1899-12-30";

const NUMBER_STYLE = { 2: ' s="3"', 4: ' s="4"' } as const;

function cellXml(ref: string, v: XlsxCell, col?: XlsxColumn, bold = false): string {
  if (v === null || v === "") return "";
  const style = col?.decimals ? NUMBER_STYLE[col.decimals] : "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : "";
  if (typeof v === "object") return `<c r="${ref}" s="1"><v>${daysBetween(EXCEL_EPOCH, v.date)}</v></c>`;
  return `<c r="${ref}" t="inlineStr"${bold ? ' s="2"' : ""}><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}

// Column letters of the first 64 columns, worked out once: a 50,000-row sheet names 1.5 million cells.
const LETTERS = Array.from({ length: 64 }, (_, i) => columnName(i));

const rowXml = (r: number, cells: readonly XlsxCell[], cols: readonly XlsxColumn[], bold = false) => {
  let xml = `<row r="${r}">`;
  for (let i = 0; i < cells.length; i++)
    xml += cellXml(`${LETTERS[i] ?? columnName(i)}${r}`, cells[i], bold ? undefined : cols[i], bold);
  return xml + "</row>";
};

/**
 * The workbook's bytes as a stream: the fixed parts, then the sheet's rows a page at a time as `pages`
 * yields them; nothing but the page in hand and the zip's running state is held.
 */
export function xlsxStream(
  sheet: string,
  columns: readonly XlsxColumn[],
  pages: AsyncIterable<readonly (readonly XlsxCell[])[]>,
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = pages[Symbol.asyncIterator]();
  let out: Uint8Array[] = [];
  let failed: Error | null = null;
  // fflate calls back synchronously as it compresses: the chunks wait here until the stream's next pull.
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else out.push(chunk);
  });
  const part = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(enc.encode(text), true);
  };
  let sheetFile: ZipDeflate | null = null;
  let row = 1;
  const begin = () => {
    part("[Content_Types].xml", CONTENT_TYPES);
    part("_rels/.rels", ROOT_RELS);
    part("xl/workbook.xml", workbook(sheet));
    part("xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
    part("xl/styles.xml", STYLES);
    const file = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
    zip.add(file);
    const cols = columns
      .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 12}" customWidth="1"/>`)
      .join("");
    const head = rowXml(
      row++,
      columns.map((c) => c.header),
      columns,
      true,
    );
    file.push(
      enc.encode(
        XML +
          `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0">` +
          '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
          `<cols>${cols}</cols><sheetData>${head}`,
      ),
    );
    return file;
  };
  const flush = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    if (failed) throw failed;
    for (const chunk of out) controller.enqueue(chunk);
    out = [];
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // fflate compresses in blocks and may hold a small page back: read on until a chunk is out, since the
      // stream asks again only after something was enqueued.
      while (!out.length) {
        if (!sheetFile) sheetFile = begin();
        else {
          const next = await it.next();
          if (next.done) {
            sheetFile.push(enc.encode("</sheetData></worksheet>"), true);
            zip.end();
            flush(controller);
            return controller.close();
          }
          sheetFile.push(enc.encode(next.value.map((cells) => rowXml(row++, cells, columns)).join("")));
        }
        if (failed) throw failed;
      }
      flush(controller);
    },
    async cancel() {
      await it.return?.();
    },
  });
}
