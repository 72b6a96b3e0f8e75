import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { capture, planOf, planProblem } from "../plan-capture";
import { session } from "../helpers";

// The digestion and idle-land reads, planned by SQLite on a few hundred parcels: every statement on an
// index (no SCAN of parcels or parcel_events, no sort of a whole filter to show one page).
let officer: Awaited<ReturnType<typeof session>>;

beforeAll(async () => {
  officer = await session("officer");
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
     INSERT INTO parcels (code, name, town, land_use, origin, area_m2, state, version, approved_on, supplied_on,
       agreed_start_on, original_agreed_start_on, agreed_completion_on, started_on)
     SELECT 'DQ-' || i, '测试地块' || i, CASE i % 3 WHEN 0 THEN '凤桥镇' ELSE '余新镇' END, 'industrial', 'collective',
       1000 + i, CASE WHEN i % 2 = 0 THEN 'supplied' ELSE 'approved' END, 2, date('2020-01-01', '+' || i || ' days'),
       CASE WHEN i % 2 = 0 THEN date('2021-01-01', '+' || i || ' days') END,
       CASE WHEN i % 2 = 0 THEN date('2022-01-01', '+' || i || ' days') END,
       CASE WHEN i % 4 = 0 THEN date('2021-06-01', '+' || i || ' days') END,
       CASE WHEN i % 2 = 0 THEN date('2023-01-01', '+' || i || ' days') END,
       CASE WHEN i % 6 = 0 THEN '2022-06-01' END FROM n`,
  ).run();
});

// The work list and the idle lists merge two arms: what is still open today (in the stock / not started),
// walked in index order with no sort, so a page stops after limit + 1 rows; and what closed after D (left the
// stock / started after D) — one index range, empty when D is today — the only rows sorted. That sort is
// what such a plan may hold, and only in its second arm.
const MERGED = /\bunion all select\b/;
const ARMS: [RegExp, RegExp][] = [
  [
    /^SEARCH parcels USING INDEX parcels_stock_idx \(<expr>=\? AND approved_on[<>]\?/,
    /^SEARCH parcels USING INDEX parcels_stock_idx \(<expr>>\? AND <expr><\?\)/,
  ],
  [
    /^SEARCH parcels USING (COVERING )?INDEX parcels_unstarted_idx \(started_on=\? AND supplied_on[<>]\?/,
    /^SEARCH parcels USING (COVERING )?INDEX parcels_unstarted_idx \(started_on>\?\)/,
  ],
  [
    /^SEARCH parcels USING INDEX parcels_unstarted_start_idx \(started_on=\? AND agreed_start_on>\?\)/,
    /^SEARCH parcels USING INDEX parcels_unstarted_start_idx \(started_on>\?\)/,
  ],
];
function mergedProblem(plan: string[]): string | null {
  const right = plan.indexOf("RIGHT");
  const [left, rest] = [plan.slice(0, right), plan.slice(right)];
  const shown = plan.join(" / ");
  if (right < 0 || !plan.includes("MERGE (UNION ALL)")) return `not a merge: ${shown}`;
  if (left.some((s) => /TEMP B-TREE|^SCAN parcels/.test(s))) return `open arm sorted or scanned: ${shown}`;
  if (rest.some((s) => /^SCAN parcels/.test(s))) return `closed-after-D arm scanned: ${shown}`;
  const fits = ARMS.some(([l, r]) => left.some((s) => l.test(s)) && rest.some((s) => r.test(s)));
  return fits ? null : `arms not on parcels_stock_idx / parcels_unstarted_idx: ${shown}`;
}

async function expectIndexed(path: string) {
  const { res, statements } = await capture(path, { headers: { Cookie: officer.cookie } });
  expect(res.status).toBe(200);
  const problems: string[] = [];
  let workLists = 0;
  for (const s of statements) {
    const plan = await planOf(s);
    // An ordered union (a page) is merged; the idle totals' union is summed, and planned as any statement.
    const merged = MERGED.test(s.sql) && plan.includes("MERGE (UNION ALL)");
    if (/^select "id", "code".* union all select/.test(s.sql)) workLists++;
    const bad = merged ? mergedProblem(plan) : planProblem(s, plan);
    if (bad) problems.push(`${bad}  ←  ${s.sql}`);
    // The figures read the summary by its primary key's range on left_on, never the whole table.
    if (/from "digestion_stock"/.test(s.sql) && plan.some((p) => /^SCAN digestion_stock\b/.test(p)))
      problems.push(`digestion_stock scanned  ←  ${s.sql}`);
  }
  expect(problems).toEqual([]);
  return { statements, workLists };
}

describe("query plans", () => {
  for (const path of [
    "/digestion?year=2021&asOf=2021-06-30",
    "/digestion?year=2021&asOf=2021-06-30&cursor=2020-03-01_40",
    "/api/v1/digestion?year=2021&asOf=2021-06-30",
    "/digestion/work-list.csv?year=2021&asOf=2021-06-30",
    "/idle-land?asOf=2022-06-30",
    "/api/v1/idle-land?asOf=2022-06-30",
  ])
    it(path, () => expectIndexed(path));

  it("the digestion page reads the work list once and its figures from digestion_stock", async () => {
    const { statements, workLists } = await expectIndexed("/digestion?year=2021&asOf=2021-06-30");
    expect(workLists).toBe(1);
    // Figures, by town, by batch, by day: four statements on the summary, none of them on parcels.
    expect(statements.filter((s) => /from "digestion_stock"/.test(s.sql))).toHaveLength(4);
  });
});
