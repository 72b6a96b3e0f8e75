import { beforeAll, describe, expect, it } from "vitest";
import { count, session } from "../helpers";
import { byKey, createProject, newProject, type ProjectJson } from "../project-fixtures";

type Client = Awaited<ReturnType<typeof session>>;
let lead: Client, admin: Client, officer: Client, viewer: Client;
beforeAll(async () => {
  [lead, admin, officer, viewer] = await Promise.all(
    ["lead", "admin", "officer", "viewer"].map((r) => session(r as "lead")),
  );
});
const anonymous = (method: string, path: string, body: unknown) => officer.json(method, path, body, { Cookie: "" });

describe("POST /api/v1/projects", () => {
  it("creates a project whose first schedule is its baseline (calendar-day defaults)", async () => {
    const p = await createProject(lead);
    // Defaults, all calendar days: supply = 1 Mar 2024 − 30 d = 31 Jan (Feb 2024 has 29 days);
    // acquisition = 31 Jan − 90 d = 2 Nov 2023 (31 + 31 + 28); approval = 2 Nov − 90 d = 4 Aug (31 + 30 + 29);
    // siting = 4 Aug − 60 d = 5 Jun (31 + 29).
    const expected = {
      siting: "2023-06-05",
      approval: "2023-08-04",
      acquisition: "2023-11-02",
      supply: "2024-01-31",
      start: "2024-03-01",
      completion: "2025-06-30",
    };
    expect(byKey(p, "plannedOn")).toEqual(expected);
    expect(byKey(p, "baselineOn")).toEqual(expected);
    expect(p.version).toBe(1);
    expect(await count("project_events", "project_id = ? AND kind = 'created'", p.id)).toBe(1);
  });

  it("lets an admin create one too", async () => {
    await createProject(admin, { category: "provincial" });
  });

  const BAD: [string, Record<string, unknown>, string, string][] = [
    ["a missing name", { name: undefined }, "name", "required"],
    ["a blank owner", { owner: "  " }, "owner", "required"],
    ["an unknown category", { category: "national" }, "category", "invalid_choice"],
    ["a non-date start", { targetStartOn: "2024-02-30" }, "targetStartOn", "invalid_date"],
    ["a start in 2200", { targetStartOn: "2200-01-01" }, "targetStartOn", "date_out_of_range"],
    ["completion before start", { targetCompletionOn: "2024-02-29" }, "targetCompletionOn", "completion_before_start"],
    ["a siting date after today", { sitingOn: "2099-01-01", sitingDocNo: "x" }, "sitingOn", "after_today"],
  ];
  for (const [what, over, path, code] of BAD)
    it(`refuses ${what} with 422 and writes nothing`, async () => {
      const before = await count("projects");
      const res = await lead.json("POST", "/api/v1/projects", newProject(over));
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: string; issues: { path: string; code: string }[] };
      expect(body.error).toBe("validation");
      expect(body.issues).toContainEqual(expect.objectContaining({ path, code }));
      expect(await count("projects")).toBe(before);
    });

  it("refuses viewer and officer (403) and no session (401)", async () => {
    const before = await count("projects");
    expect((await viewer.json("POST", "/api/v1/projects", newProject())).status).toBe(403);
    expect((await officer.json("POST", "/api/v1/projects", newProject())).status).toBe(403);
    expect((await anonymous("POST", "/api/v1/projects", newProject())).status).toBe(401);
    expect(await count("projects")).toBe(before);
  });
});

describe("GET /api/v1/projects and /:id", () => {
  it("lists projects for every role and filters by category", async () => {
    const p = await createProject(lead, { category: "municipal", name: "枫南线站点" });
    const res = await viewer.json("GET", "/api/v1/projects?category=municipal");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: number; category: string }[] };
    expect(body.items.map((i) => i.id)).toContain(p.id);
    expect(body.items.every((i) => i.category === "municipal")).toBe(true);
    expect((await viewer.json("GET", "/api/v1/projects?category=x")).status).toBe(400);
  });

  it("answers one project, 404 for an unknown one, 400 for a bad asOf", async () => {
    const p = await createProject(lead);
    const res = await officer.json("GET", `/api/v1/projects/${p.id}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as ProjectJson).milestones).toHaveLength(6);
    expect((await officer.json("GET", "/api/v1/projects/999999")).status).toBe(404);
    expect((await officer.json("GET", `/api/v1/projects/${p.id}?asOf=2024-13-01`)).status).toBe(400);
  });
});

describe("PATCH /api/v1/projects/:id (re-plan)", () => {
  const replan = { targetStartOn: "2024-03-15", targetCompletionOn: "2025-06-30", reason: "控规调整未批，开工顺延" };

  it("re-plans, keeps the baseline and records the reason", async () => {
    const p = await createProject(lead);
    const res = await lead.json("PATCH", `/api/v1/projects/${p.id}`, { ...replan, version: 1 });
    expect(res.status).toBe(200);
    const after = (await res.json()) as ProjectJson;
    expect(after.version).toBe(2);
    expect(byKey(after, "baselineOn").start).toBe("2024-03-01");
    expect(byKey(after, "plannedOn").start).toBe("2024-03-15");
    // supply = 15 Mar − 30 d = 14 Feb (15 Mar → 15 Feb is 29 days in 2024).
    expect(byKey(after, "plannedOn").supply).toBe("2024-02-14");
    const slip = Object.fromEntries(after.milestones.map((m) => [m.key, m.slipDays]));
    // start: working days in (1 Mar, 15 Mar] = 4–8 and 11–15 Mar = 10.
    // supply: (31 Jan, 14 Feb] = 1, 2 Feb, Sun 4 Feb (调休 working), 5–9 Feb = 8; 10–14 Feb is 春节.
    expect(slip.start).toBe(10);
    expect(slip.supply).toBe(8);
    expect(slip.completion).toBe(0);
    const reasons = await count(
      "project_events",
      "project_id = ? AND kind = 'replanned' AND reason = ?",
      p.id,
      replan.reason,
    );
    expect(reasons).toBe(1);
  });

  it("refuses a stale version (409), a missing reason (422), wrong roles (403) and no session (401) unchanged", async () => {
    const p = await createProject(lead);
    const path = `/api/v1/projects/${p.id}`;
    expect((await lead.json("PATCH", path, { ...replan, version: 2 })).status).toBe(409);
    const bad = await lead.json("PATCH", path, { ...replan, reason: " ", version: 1 });
    expect(bad.status).toBe(422);
    expect((await lead.json("PATCH", path, { ...replan, targetCompletionOn: "2024-01-01", version: 1 })).status).toBe(
      422,
    );
    expect((await viewer.json("PATCH", path, { ...replan, version: 1 })).status).toBe(403);
    expect((await officer.json("PATCH", path, { ...replan, version: 1 })).status).toBe(403);
    expect((await anonymous("PATCH", path, { ...replan, version: 1 })).status).toBe(401);
    expect((await lead.json("PATCH", "/api/v1/projects/999999", { ...replan, version: 1 })).status).toBe(404);
    expect(await count("projects", "id = ? AND version = 1 AND target_start_on = '2024-03-01'", p.id)).toBe(1);
    expect(await count("project_events", "project_id = ?", p.id)).toBe(1);
  });
});

describe("problems", () => {
  const problem = {
    text: "征地款未到位",
    milestone: "acquisition",
    unit: "大桥镇人民政府",
    owner: "李镇长",
    dueOn: "2023-10-31",
  };

  it("adds a problem and changes it, each change in the history", async () => {
    const p = await createProject(lead);
    const res = await lead.json("POST", `/api/v1/projects/${p.id}/problems`, problem);
    expect(res.status).toBe(201);
    const pr = (await res.json()) as { id: number; status: string; version: number };
    expect(pr).toMatchObject({ status: "open", version: 1, milestone: "acquisition" });
    const done = await admin.json("PATCH", `/api/v1/problems/${pr.id}`, {
      status: "resolved",
      resolution: "区财政已拨付",
      version: 1,
    });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: "resolved", resolution: "区财政已拨付", version: 2 });
    expect(await count("problem_events", "problem_id = ?", pr.id)).toBe(2);
  });

  it("refuses bad problems (422), wrong roles (403), no session (401), unknown project (404) unchanged", async () => {
    const p = await createProject(lead);
    const path = `/api/v1/projects/${p.id}/problems`;
    for (const over of [{ text: "" }, { milestone: "design" }, { unit: undefined }, { dueOn: "2023-02-30" }])
      expect((await lead.json("POST", path, { ...problem, ...over })).status).toBe(422);
    expect((await viewer.json("POST", path, problem)).status).toBe(403);
    expect((await officer.json("POST", path, problem)).status).toBe(403);
    expect((await anonymous("POST", path, problem)).status).toBe(401);
    expect((await lead.json("POST", "/api/v1/projects/999999/problems", problem)).status).toBe(404);
    expect(await count("problems", "project_id = ?", p.id)).toBe(0);
  });

  it("refuses problem changes: 409 stale, 422 resolved without resolution, 403, 401 — unchanged", async () => {
    const p = await createProject(lead);
    const pr = (await (await lead.json("POST", `/api/v1/projects/${p.id}/problems`, problem)).json()) as { id: number };
    const path = `/api/v1/problems/${pr.id}`;
    expect((await lead.json("PATCH", path, { owner: "张三", version: 2 })).status).toBe(409);
    expect((await lead.json("PATCH", path, { status: "resolved", version: 1 })).status).toBe(422);
    expect((await lead.json("PATCH", path, { status: "closed", version: 1 })).status).toBe(422);
    expect((await viewer.json("PATCH", path, { owner: "张三", version: 1 })).status).toBe(403);
    expect((await officer.json("PATCH", path, { owner: "张三", version: 1 })).status).toBe(403);
    expect((await anonymous("PATCH", path, { owner: "张三", version: 1 })).status).toBe(401);
    expect((await lead.json("PATCH", "/api/v1/problems/999999", { owner: "张三", version: 1 })).status).toBe(404);
    expect(await count("problems", "id = ? AND version = 1 AND owner = '李镇长'", pr.id)).toBe(1);
    expect(await count("problem_events", "problem_id = ?", pr.id)).toBe(1);
  });
});
