import { describe, expect, it } from "vitest";
import { detectEncoding, readLedgerFile } from "../../src/imports/read-file";
import {
  encodeGbk,
  LEDGER_HEADERS,
  LEDGER_ROWS,
  ledgerCsvGbk,
  ledgerCsvUtf8Bom,
  ledgerXlsxSerialDates,
} from "../fixtures/ledger-files";

const expectedCsvRows = [[...LEDGER_HEADERS], ...LEDGER_ROWS].map((r) => [...r]);

describe("reading an uploaded ledger (inside workerd)", () => {
  it("reads a UTF-8 CSV with BOM: text stays text, quotes and commas inside cells kept", () => {
    const f = readLedgerFile(ledgerCsvUtf8Bom());
    expect(f).toMatchObject({ ok: true, kind: "csv", encoding: "utf-8", detected: "utf-8" });
    expect(f.ok && f.rows).toEqual(expectedCsvRows);
    // The BOM is not part of the first header.
    expect(f.ok && f.rows[0][0]).toBe("宗地编号");
  });

  it("detects a GBK CSV and decodes it; UTF-8 chosen by hand gives replacement characters instead", () => {
    const bytes = ledgerCsvGbk();
    // 宗 in GBK is D7 DA (two bytes), in UTF-8 E5 AE 97 (three).
    expect([...encodeGbk("宗")]).toEqual([0xd7, 0xda]);
    expect(detectEncoding(bytes)).toBe("gb18030");
    const f = readLedgerFile(bytes);
    expect(f).toMatchObject({ ok: true, kind: "csv", encoding: "gb18030", detected: "gb18030" });
    expect(f.ok && f.rows).toEqual(expectedCsvRows);
    const forced = readLedgerFile(bytes, { encoding: "utf-8" });
    expect(forced).toMatchObject({ ok: true, encoding: "utf-8", detected: "gb18030" });
    expect(forced.ok && String(forced.rows[0][0])).toContain("\ufffd");
  });

  it("reads an XLSX's first sheet with dates as serial numbers, or a sheet chosen by name", () => {
    const f = readLedgerFile(ledgerXlsxSerialDates());
    expect(f).toMatchObject({ ok: true, kind: "xlsx", sheets: ["地块台账", "说明"], sheet: "地块台账" });
    expect(f.ok && f.rows[1]).toEqual([
      "GB00314",
      "城南街道南溪路以北地块",
      "城南街道",
      "工业用地",
      25.5,
      "集体",
      "2023年度第1批次",
      "浙政土〔2023〕12号",
      45052,
    ]);
    // Blank trailing cells come back as "" so every row has the header's width.
    expect(f.ok && f.rows[2]).toEqual([
      "00315",
      "新丰镇“竹林”地块, 东区",
      "新丰镇",
      "住宅用地",
      1250.5,
      "集体",
      "",
      "",
      "",
    ]);
    const notes = readLedgerFile(ledgerXlsxSerialDates(), { sheet: "说明" });
    expect(notes.ok && notes.rows).toEqual([["说明"], ["2023年上半年"]]);
    expect(readLedgerFile(ledgerXlsxSerialDates(), { sheet: "Sheet9" })).toEqual({ ok: false, code: "sheet_unknown" });
  });

  it("refuses empty, binary and oversized uploads with a code the page words in Chinese", () => {
    expect(readLedgerFile(new Uint8Array())).toEqual({ ok: false, code: "file_empty" });
    expect(readLedgerFile(new TextEncoder().encode("\r\n,,\r\n"))).toEqual({ ok: false, code: "file_empty" });
    // Blank rows inside are kept, so row numbers stay those the spreadsheet shows.
    const gaps = readLedgerFile(new TextEncoder().encode("宗地编号\r\n\r\nGB1\r\n\r\n"));
    expect(gaps.ok && gaps.rows).toEqual([["宗地编号"], [], ["GB1"]]);
    // A PNG's signature and header: bytes no text file holds.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(readLedgerFile(png)).toEqual({ ok: false, code: "file_type" });
    // An old .xls (OLE compound file) is not taken: ask for XLSX or CSV.
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(readLedgerFile(xls)).toEqual({ ok: false, code: "file_type" });
    // A ZIP that is no workbook.
    expect(readLedgerFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]))).toMatchObject({ ok: false });
    expect(readLedgerFile(new Uint8Array(8 * 1024 * 1024 + 1))).toEqual({ ok: false, code: "file_too_large" });
  });
});
