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

async function expectIndexed(path: string) {
  const { res, statements } = await capture(path, { headers: { Cookie: officer.cookie } });
  expect(res.status).toBe(200);
  const problems: string[] = [];
  for (const s of statements) {
    const bad = planProblem(s, await planOf(s));
    if (bad) problems.push(`${bad}  ←  ${s.sql}`);
  }
  expect(problems).toEqual([]);
}

describe("query plans", () => {
  for (const path of [
    "/digestion?year=2021&asOf=2021-06-30",
    "/digestion?year=2021&asOf=2021-06-30&cursor=2020-03-01_40",
    "/api/v1/digestion?year=2021&asOf=2021-06-30",
    "/idle-land?asOf=2022-06-30",
    "/api/v1/idle-land?asOf=2022-06-30",
  ])
    it(path, () => expectIndexed(path));
});
