import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csvCell, csvLine, csvStream } from "../../src/http/csv";
import { columnName, escapeXml, xlsxStream, type XlsxCell } from "../../src/http/xlsx";

async function* pagesOf<T>(...pages: T[][]): AsyncGenerator<T[]> {
  for (const p of pages) yield p;
}
async function bytesOf(s: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of s) parts.push(chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

describe("CSV cells", () => {
  it("quotes a comma, a quote or a line break, doubling the quote", () => {
    expect(csvCell('甲,乙"丙')).toBe('"甲,乙""丙"');
    expect(csvCell("一\r\n二")).toBe('"一\r\n二"');
  });
  it("defuses text Excel would run as a formula, but not a number or text the caller calls numeric", () => {
    expect(["=1+1", "+86", "-5", "@SUM(A1)"].map((v) => csvCell(v))).toEqual(["'=1+1", "'+86", "'-5", "'@SUM(A1)"]);
    expect([csvCell(-5), csvCell("-5.00", true), csvCell(null), csvCell(undefined)]).toEqual(["-5", "-5.00", "", ""]);
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
  it("streams the BOM and header first, then each page", async () => {
    const text = new TextDecoder("utf-8", { ignoreBOM: true, fatal: false }).decode(
      await bytesOf(csvStream(["编号", "面积"], pagesOf([["A", 1]], [["B", 2]]))),
    );
    expect(text).toBe("\uFEFF编号,面积\r\nA,1\r\nB,2\r\n");
  });
});

describe("XLSX parts", () => {
  it("names columns as Excel does", () => {
    // 26 letters, then two: 26 → AA, 26 + 26 × 26 − 1 = 701 → ZZ, 702 → AAA.
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
  it("escapes markup and drops the control characters XML 1.0 cannot hold", () => {
    expect(escapeXml('<a href="x">&</a>\u0001\u0008\t')).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;\t");
  });
  it("writes a zip of the five fixed parts and the sheet, whose cells are typed", async () => {
    const rows: XlsxCell[][] = [["甲<1>", 12.5, { date: "2023-03-15" }, null]];
    const zip = unzipSync(
      await bytesOf(xlsxStream("表/一", [{ header: "名称" }, { header: "亩", decimals: 2 }], pagesOf(rows))),
    );
    expect(Object.keys(zip).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    // A sheet name may not hold a slash: it becomes a space.
    expect(new TextDecoder().decode(zip["xl/workbook.xml"])).toContain('<sheet name="表 一"');
    const sheet = new TextDecoder().decode(zip["xl/worksheets/sheet1.xml"]);
    // 2023-03-15 is 45,000 days after 1899-12-30 (44,927 to 2023-01-01, then 31 + 28 + 14 = 73).
    expect(sheet).toContain(
      '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">甲&lt;1&gt;</t></is></c><c r="B2" s="3"><v>12.5</v></c><c r="C2" s="1"><v>45000</v></c></row>',
    );
    expect(sheet).toContain('<c r="A1" t="inlineStr" s="2"><is><t xml:space="preserve">名称</t></is></c>');
  });
});
