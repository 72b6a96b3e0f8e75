import type { Db } from "../db/client";
import { formatHa, formatMu } from "../domain/area";
import { LEDGER_COLUMNS, type LedgerKey } from "../domain/ledger";
import { csvStream, mapPages } from "../http/csv";
import { xlsxStream, type XlsxCell } from "../http/xlsx";
import { t } from "../i18n";
import { parcelListQuery, type ParcelFilter, type ParcelListItem } from "./list-read";

// Rows a page of the export reads: 500 parcels are one D1 query of well under a megabyte.
const EXPORT_PAGE = 500;

const zh = (key: string) => t("zh-CN", key);
const wan = (yuan: number | null) => (yuan === null ? "" : String(yuan / 10000));

/** A parcel as one ledger row, in LEDGER_COLUMNS order: what the import reads back to the same parcel. */
export function ledgerCells(p: ParcelListItem): string[] {
  const cell: Record<LedgerKey, string> = {
    code: p.code,
    name: p.name,
    town: p.town,
    landUse: zh(`landUse.${p.landUse}`),
    // All three areas: 平方米 is exact (the import reads it first), 亩 and 公顷 are for reading.
    areaMu: formatMu(p.areaM2),
    areaHa: formatHa(p.areaM2),
    areaM2: String(p.areaM2),
    origin: zh(`origin.${p.origin}`),
    batchName: p.batchName ?? "",
    approvalDocNo: p.approvalDocNo ?? "",
    approvedOn: p.approvedOn ?? "",
    acquisitionDocNo: p.acquisitionDocNo ?? "",
    acquiredOn: p.acquiredOn ?? "",
    reserveNo: p.reserveNo ?? "",
    reservedOn: p.reservedOn ?? "",
    supplyMethod: p.supplyMethod ? zh(`method.${p.supplyMethod}`) : "",
    contractNo: p.supplyDocNo ?? "",
    landUser: p.landUser ?? "",
    priceWan: wan(p.priceYuan),
    suppliedOn: p.suppliedOn ?? "",
    agreedStartOn: p.agreedStartOn ?? "",
    agreedCompletionOn: p.agreedCompletionOn ?? "",
    permitNo: p.permitNo ?? "",
    startedOn: p.startedOn ?? "",
    completedOn: p.completedOn ?? "",
    supervisionNo: p.supervisionNo ?? "",
    withdrawalDocNo: p.withdrawalDocNo ?? "",
    withdrawnOn: p.withdrawnOn ?? "",
    withdrawalReason: p.withdrawalReason ?? "",
  };
  return LEDGER_COLUMNS.map((c) => cell[c.key]);
}

const DATES = new Set<LedgerKey>([
  "approvedOn",
  "acquiredOn",
  "reservedOn",
  "suppliedOn",
  "agreedStartOn",
  "agreedCompletionOn",
  "startedOn",
  "completedOn",
  "withdrawnOn",
]);
const NUMBERS = new Set<LedgerKey>(["areaMu", "areaHa", "areaM2", "priceWan"]);

/** The same row for the XLSX: areas and the price as numbers, dates as dates, the rest as text. */
export function ledgerXlsxCells(p: ParcelListItem): XlsxCell[] {
  return ledgerCells(p).map((v, i) => {
    const key = LEDGER_COLUMNS[i].key;
    if (v === "") return null;
    if (DATES.has(key)) return { date: v };
    return NUMBERS.has(key) ? Number(v) : v;
  });
}

/**
 * The filtered list a page at a time by the list's own keyset read: oldest registration first as a ledger
 * grows, so an export imported elsewhere registers its rows in the same order.
 */
async function* ledgerPages(db: Db, f: ParcelFilter): AsyncGenerator<ParcelListItem[]> {
  let after: number | undefined;
  for (;;) {
    const read = (await parcelListQuery(
      db,
      f,
      { sort: "id", dir: "asc" },
      EXPORT_PAGE,
      after === undefined ? {} : { after },
    )) as ParcelListItem[];
    // The list's read brings one row more than asked, to tell whether more follow.
    const rows = read.slice(0, EXPORT_PAGE);
    if (rows.length) yield rows;
    if (read.length <= EXPORT_PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

const HEADERS = LEDGER_COLUMNS.map((c) => c.headers[0]);

/** The filtered parcel list as a ledger CSV (UTF-8 with BOM, the import's headers), streamed a page at a time. */
export const ledgerCsvStream = (db: Db, f: ParcelFilter) =>
  csvStream(HEADERS, mapPages(ledgerPages(db, f), ledgerCells));

/** The same list as an XLSX of one sheet, streamed likewise (the import reads it back the same). */
export const ledgerXlsxStream = (db: Db, f: ParcelFilter) =>
  xlsxStream(
    zh("exp.sheet.parcels"),
    LEDGER_COLUMNS.map((c) => ({
      header: c.headers[0],
      width: DATES.has(c.key) || NUMBERS.has(c.key) ? 12 : 18,
      decimals: c.key === "areaMu" ? (2 as const) : c.key === "areaHa" ? (4 as const) : undefined,
    })),
    mapPages(ledgerPages(db, f), ledgerXlsxCells),
  );
