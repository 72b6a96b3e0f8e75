import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ledgerCsvGbk, ledgerCsvUtf8Bom, ledgerXlsxSerialDates } from "../tests/fixtures/ledger-files";
import { largeLedger, toCsv } from "../tests/fixtures/ledger-large";

// Writes the ledger files the import is tested with, from code (tests/fixtures/ledger-files.ts),
// so nobody edits a fixture by hand: a GBK CSV, a UTF-8 CSV with BOM, an XLSX with serial dates,
// and a 5,000-row ledger with 3 bad rows plus its fixed twin for measuring an import.
const dir = join(process.cwd(), "tests", "fixtures", "ledger");
mkdirSync(dir, { recursive: true });
const files: [string, Uint8Array | string][] = [
  ["ledger-gbk.csv", ledgerCsvGbk()],
  ["ledger-utf8-bom.csv", ledgerCsvUtf8Bom()],
  ["ledger-serial-dates.xlsx", ledgerXlsxSerialDates()],
  ["ledger-5000-3-bad.csv", toCsv(largeLedger(5000, [1200, 2500, 4999]))],
  ["ledger-5000.csv", toCsv(largeLedger(5000))],
];
for (const [name, body] of files) {
  writeFileSync(join(dir, name), body);
  console.log(`wrote tests/fixtures/ledger/${name}`);
}
