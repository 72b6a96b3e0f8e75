import type { Db } from "../db/client";
import { formatHa, formatMu } from "../domain/area";
import { LEDGER_COLUMNS, type LedgerKey } from "../domain/ledger";
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

// Excel would run a cell starting with = + - @ as a formula: such a cell gets a leading apostrophe.
const csvCell = (v: string) => {
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvLine = (cells: string[]) => cells.map(csvCell).join(",") + "\r\n";

/**
 * One page of the filtered list for the export, by the list's own keyset read: oldest registration
 * first as a ledger grows, so an export imported elsewhere registers its rows in the same order.
 */
const exportPageQuery = (db: Db, f: ParcelFilter, after?: number) =>
  parcelListQuery(db, f, { sort: "id", dir: "asc" }, EXPORT_PAGE, after === undefined ? {} : { after });

/**
 * The filtered parcel list as a ledger CSV (UTF-8 with BOM, the import's headers), streamed a page
 * at a time, so a 50,000-parcel district never sits in the Worker's memory at once.
 */
export function ledgerCsvStream(db: Db, f: ParcelFilter): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let after: number | undefined;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode("\ufeff" + csvLine(LEDGER_COLUMNS.map((c) => c.headers[0]))));
        return;
      }
      if (done) return controller.close();
      const read = (await exportPageQuery(db, f, after)) as ParcelListItem[];
      // The list's read brings one row more than asked, to tell whether more follow.
      const rows = read.slice(0, EXPORT_PAGE);
      if (read.length <= EXPORT_PAGE) done = true;
      if (rows.length) after = rows[rows.length - 1].id;
      controller.enqueue(enc.encode(rows.map((p) => csvLine(ledgerCells(p))).join("")));
    },
  });
}
