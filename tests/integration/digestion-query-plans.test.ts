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

// The work list merges two arms on parcels_stock_idx: the present stock walked in (approved_on, id) order (no
// sort: the page stops after limit + 1 rows), and the parcels that left the stock after D (one range of the
// index, none when D is today) — the only rows sorted. That sort is what the plan may hold, and only there.
const WORK_LIST = /^select "id", "code".* union all select/;
function workListProblem(plan: string[]): string | null {
  const right = plan.indexOf("RIGHT");
  const [left, rest] = [plan.slice(0, right), plan.slice(right)];
  if (right < 0 || plan[0] !== "MERGE (UNION ALL)") return `not a merge: ${plan.join(" / ")}`;
  if (!left.some((s) => /^SEARCH parcels USING INDEX parcels_stock_idx \(<expr>=\? AND approved_on[<>]\?/.test(s)))
    return `present stock not walked on parcels_stock_idx: ${left.join(" / ")}`;
  if (left.some((s) => /TEMP B-TREE/.test(s))) return `present stock sorted: ${left.join(" / ")}`;
  if (!rest.some((s) => /^SEARCH parcels USING INDEX parcels_stock_idx \(<expr>>\? AND <expr><\?\)/.test(s)))
    return `left-after-D arm not a range of parcels_stock_idx: ${rest.join(" / ")}`;
  return null;
}

async function expectIndexed(path: string) {
  const { res, statements } = await capture(path, { headers: { Cookie: officer.cookie } });
  expect(res.status).toBe(200);
  const problems: string[] = [];
  let workLists = 0;
  for (const s of statements) {
    const plan = await planOf(s);
    const isWorkList = WORK_LIST.test(s.sql);
    if (isWorkList) workLists++;
    const bad = isWorkList ? workListProblem(plan) : planProblem(s, plan);
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
