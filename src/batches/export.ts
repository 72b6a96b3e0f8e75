import type { Db } from "../db/client";
import { haRounded, muRounded } from "../domain/area";
import { ageSince, supplyRate } from "../domain/batch-figures";
import { csvStream, mapPages } from "../http/csv";
import { xlsxStream, type XlsxCell } from "../http/xlsx";
import { t, type Lang } from "../i18n";
import {
  batchListPage,
  batchListQuery,
  type BatchCursor,
  type BatchListFilter,
  type BatchSort,
  type BatchWithTotals,
} from "./queries";

// The batch list as a file, in the list's own filter and order: a page of 200 at a time by the list's keyset.
const EXPORT_PAGE = 200;

export type BatchOrder = { filter: BatchListFilter; sort: BatchSort; dir: "asc" | "desc" };

async function* batchPages(db: Db, o: BatchOrder): AsyncGenerator<BatchWithTotals[]> {
  let cursor: BatchCursor | undefined;
  for (;;) {
    const page = batchListPage(
      await batchListQuery(db, o.filter, o.sort, o.dir, EXPORT_PAGE, cursor),
      EXPORT_PAGE,
      o.sort,
    );
    if (page.items.length) yield page.items;
    if (!page.next) return;
    cursor = page.next;
  }
}

type Kind = "text" | "date" | "int" | "mu" | "ha" | "pct";

/** The export's columns in order: header key, width, kind. Areas in 亩 (the approved area in 公顷 too), the rate in %. */
const COLUMNS: readonly [key: string, width: number, kind: Kind][] = [
  ["batch.name", 30, "text"],
  ["batch.kind", 10, "text"],
  ["batch.authority", 14, "text"],
  ["batch.docNo", 22, "text"],
  ["batch.approvedOn", 12, "date"],
  ["batch.age", 12, "text"],
  ["batch.parcelCount", 8, "int"],
  ["exp.batch.approvedMu", 12, "mu"],
  ["exp.batch.approvedHa", 12, "ha"],
  ["exp.batch.suppliedMu", 12, "mu"],
  ["exp.batch.withdrawnMu", 12, "mu"],
  ["exp.batch.unsuppliedMu", 12, "mu"],
  ["exp.batch.ratePct", 10, "pct"],
];
const DECIMALS = { mu: 2, ha: 4, pct: 2 } as const;

/** A batch as a row: numbers as numbers; before approval its areas and rate are empty, not 0. */
function batchCells(lang: Lang, today: string, { batch: b, totals: s }: BatchWithTotals): XlsxCell[] {
  const age = b.approvedOn ? ageSince(b.approvedOn, today) : null;
  const rate = supplyRate(s);
  const approved = b.approvedOn !== null;
  return [
    b.name,
    t(lang, `batch.kind.${b.kind}`),
    b.authority,
    b.docNo,
    b.approvedOn === null ? null : { date: b.approvedOn },
    age ? t(lang, "batch.ageValue", age) : null,
    s.parcelCount,
    approved ? muRounded(s.approvedM2) : null,
    approved ? haRounded(s.approvedM2) : null,
    approved ? muRounded(s.suppliedM2) : null,
    approved ? muRounded(s.withdrawnM2) : null,
    approved ? muRounded(s.unsuppliedM2) : null,
    approved && rate !== null ? Math.round(rate * 10000) / 100 : null,
  ];
}

const headers = (lang: Lang) => COLUMNS.map(([key]) => t(lang, key));

/** The CSV's text of a cell: 亩 and % with two decimals, 公顷 with four, as the pages show them. */
function textOf(v: XlsxCell, kind: Kind): string | number | null {
  if (v === null || typeof v === "string") return v;
  if (typeof v === "object") return v.date;
  return kind === "mu" || kind === "ha" || kind === "pct" ? v.toFixed(DECIMALS[kind]) : v;
}

export const batchCsvStream = (db: Db, o: BatchOrder, lang: Lang, today: string) =>
  csvStream(
    headers(lang),
    mapPages(batchPages(db, o), (b) => batchCells(lang, today, b).map((v, i) => textOf(v, COLUMNS[i][2]))),
  );

export const batchXlsxStream = (db: Db, o: BatchOrder, lang: Lang, today: string) =>
  xlsxStream(
    t(lang, "exp.sheet.batches"),
    COLUMNS.map(([key, width, kind]) => ({
      header: t(lang, key),
      width,
      decimals: kind === "mu" || kind === "pct" ? (2 as const) : kind === "ha" ? (4 as const) : undefined,
    })),
    mapPages(batchPages(db, o), (b) => batchCells(lang, today, b)),
  );
