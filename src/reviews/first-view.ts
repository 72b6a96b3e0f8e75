import type { Review } from "./figures";
import type { Table } from "./tables";

// The review's first view (issue 14's budget: a stored week p50 ≤ 5 × healthz). At 50,000 parcels a week
// lists hundreds of moves and over a thousand idle-land warnings: all of them made a 350 KB page whose
// rendering, and the 450 KB stored JSON behind it, cost more than the rest of the request. The page shows
// each list's first rows (the warnings soonest first, the projects overdue first, the units with overdue
// problems first, the moves by date) with its full count and a link to the whole list, paged; the print version,
// the CSV, the XLSX and the API carry every row. A stored week keeps its first view beside the whole review
// (weekly_reviews.first_view), so the page reads and parses kilobytes instead of the whole.

/** Rows of each list the review page shows; the list's own page shows the rest. */
export const FIRST_ROWS = 20;

/** Rows a page of one list shows (`/reviews/weekly/tables/:table`). */
export const TABLE_PAGE_ROWS = 200;

/** The tables that can grow with the district (the others have a row per state, rate or town). */
export const LONG_TABLES: ReadonlySet<string> = new Set([
  "moves",
  "corrections",
  "projects",
  "problems",
  "idle",
  "lapsing",
]);

/** Full row counts of tables whose rows were cut before they reached the Worker (table id → rows). */
export type Totals = Partial<Record<string, number>>;

/** What the review page shows of `table`: its first rows and how many it has in all. */
export function firstRows(table: Table, totals: Totals): { table: Table; total: number } {
  const total = totals[table.id] ?? table.rows.length;
  if (!LONG_TABLES.has(table.id)) return { table, total };
  return { table: { ...table, rows: table.rows.slice(0, FIRST_ROWS) }, total };
}

/**
 * The review as its page shows it first, stored with the week: the four lists that are one flat array each
 * cut to their first rows, and their full lengths by table id. projects and problems are nested (by change,
 * by unit) and small (a row per project or open problem): they stay whole and the page cuts them.
 */
export function firstViewOf(r: Review): { review: Review; totals: Totals } {
  const cut = <T>(rows: T[]) => rows.slice(0, FIRST_ROWS);
  const { moves, corrections, idleLand } = r;
  return {
    review: {
      ...r,
      moves: cut(moves),
      corrections: cut(corrections),
      idleLand: { warnings: cut(idleLand.warnings), lapsing: cut(idleLand.lapsing) },
    },
    totals: {
      moves: moves.length,
      corrections: corrections.length,
      idle: idleLand.warnings.length,
      lapsing: idleLand.lapsing.length,
    },
  };
}

/** One page of a table's rows; a page past the last shows the last. */
export function tablePage(table: Table, page: number) {
  const pages = Math.max(1, Math.ceil(table.rows.length / TABLE_PAGE_ROWS));
  const p = Math.min(Math.max(1, page), pages);
  const rows = table.rows.slice((p - 1) * TABLE_PAGE_ROWS, p * TABLE_PAGE_ROWS);
  return { table: { ...table, rows }, page: p, pages, total: table.rows.length, from: (p - 1) * TABLE_PAGE_ROWS };
}
