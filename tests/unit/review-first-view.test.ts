import { describe, expect, it } from "vitest";
import type { Review } from "../../src/reviews/figures";
import { FIRST_ROWS, firstRows, firstViewOf, TABLE_PAGE_ROWS, tablePage } from "../../src/reviews/first-view";
import type { Table } from "../../src/reviews/tables";

// The review page's first rows of each long list, and the pages of a whole list (src/reviews/first-view.ts).

const table = (id: string, n: number): Table => ({
  id,
  key: [0],
  cols: [{ key: "code", kind: "text" }],
  rows: Array.from({ length: n }, (_, i) => [`P${i + 1}`]),
});

describe("the weekly review's first view", () => {
  it("cuts a long list to its first 20 rows and keeps its count; a short list or a per-state table stays whole", () => {
    expect(FIRST_ROWS).toBe(20);
    const moves = firstRows(table("moves", 23), {});
    expect([moves.table.rows.length, moves.table.rows[19][0], moves.total]).toEqual([20, "P20", 23]);
    expect(firstRows(table("idle", 20), {}).table.rows).toHaveLength(20);
    // The chain has a row per state, the ranking a row per town: never cut, however long.
    expect(firstRows(table("ranking", 30), {}).table.rows).toHaveLength(30);
    // Rows cut before they reached the page (a stored first view): the count comes from the totals.
    expect(firstRows(table("idle", 20), { idle: 1240 }).total).toBe(1240);
  });

  it("stores the four flat lists cut to 20 with their lengths, and leaves everything else as it is", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ i }));
    const r = {
      week: "2023-W25",
      moves: many(371),
      corrections: many(16),
      idleLand: { warnings: many(1240), lapsing: many(489) },
      projects: { overdue: many(30), atRisk: [], recovered: [] },
    } as unknown as Review;
    const { review, totals } = firstViewOf(r);
    expect([review.moves.length, review.corrections.length]).toEqual([20, 16]);
    expect([review.idleLand.warnings.length, review.idleLand.lapsing.length]).toEqual([20, 20]);
    expect(review.idleLand.lapsing[19]).toEqual({ i: 19 });
    expect(review.projects.overdue).toHaveLength(30); // nested by change, cut on the page
    expect(totals).toEqual({ moves: 371, corrections: 16, idle: 1240, lapsing: 489 });
    expect(r.moves).toHaveLength(371); // the whole review is not changed
  });

  it("pages a whole list 200 rows at a time; a page past the last shows the last", () => {
    expect(TABLE_PAGE_ROWS).toBe(200);
    // 1,240 idle-land warnings: pages 1–6 of 200, page 7 the last 40 (rows 1,201–1,240).
    const t = table("idle", 1240);
    const p7 = tablePage(t, 7);
    expect([p7.page, p7.pages, p7.total, p7.from, p7.table.rows.length]).toEqual([7, 7, 1240, 1200, 40]);
    expect([p7.table.rows[0][0], p7.table.rows[39][0]]).toEqual(["P1201", "P1240"]);
    expect(tablePage(t, 99).page).toBe(7);
    const p1 = tablePage(t, 1);
    expect([p1.from, p1.table.rows.length, p1.table.rows[199][0]]).toEqual([0, 200, "P200"]);
    // Exactly 200 rows is one page; none is one empty page.
    expect(tablePage(table("idle", 200), 2).pages).toBe(1);
    expect([tablePage(table("idle", 0), 1).pages, tablePage(table("idle", 0), 1).table.rows]).toEqual([1, []]);
  });
});
