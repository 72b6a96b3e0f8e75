import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { session } from "../helpers";
import { capture, planOf, planProblem } from "../plan-capture";
import { createProject } from "../project-fixtures";

// The battle map, the project list and a project page: every statement on an index (docs/ARCHITECTURE.md
// "D1 rules"). Besides parcels and parcel_events, the problem and plan histories must not be scanned either.

let lead: Awaited<ReturnType<typeof session>>;
let projectId: number;
beforeAll(async () => {
  lead = await session("lead");
  projectId = (await createProject(lead)).id;
  await createProject(lead, { category: "provincial" });
  // 300 parcels, every third in the project.
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
     INSERT INTO parcels (code, name, town, land_use, origin, area_m2, state, version, project_id, approved_on)
     SELECT 'PQP-' || i, '地块' || i, '凤桥镇', 'industrial', 'collective', 1000 + i, 'approved', 2,
       CASE WHEN i % 3 = 0 THEN ?1 END, '2023-03-01' FROM n`,
  )
    .bind(projectId)
    .run();
  const body = { text: "村民有异议", milestone: "acquisition", unit: "凤桥镇", owner: "孙", dueOn: "2023-08-01" };
  expect((await lead.json("POST", `/api/v1/projects/${projectId}/problems`, body)).status).toBe(201);
});

async function expectIndexed(path: string) {
  const { res, statements } = await capture(path, { headers: { Cookie: lead.cookie } });
  expect(res.status).toBe(200);
  const problems: string[] = [];
  for (const s of statements) {
    const plan = await planOf(s);
    const bad = planProblem(s, plan) ?? plan.find((p) => /^SCAN (problems|problem_events|project_events)\b/.test(p));
    if (bad) problems.push(`${bad}  ←  ${s.sql}`);
  }
  expect(problems).toEqual([]);
}

describe("query plans of the project pages", () => {
  it("the battle map page and its JSON", async () => {
    await expectIndexed("/battle-map?asOf=2023-06-01");
    await expectIndexed("/api/v1/battle-map?category=district");
  });
  it("the project list", () => expectIndexed("/projects?leader=" + encodeURIComponent("王副区长")));
  it("a project page and its JSON", async () => {
    await expectIndexed(`/projects/${projectId}`);
    await expectIndexed(`/api/v1/projects/${projectId}`);
  });
});
