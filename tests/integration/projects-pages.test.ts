import { beforeAll, describe, expect, it } from "vitest";
import { parcelAt } from "../chain-fixtures";
import { call, count } from "../helpers";
import { one, select } from "../html";
import { createProject, newProject } from "../project-fixtures";
import { browser } from "./parcel-pages-helpers";

type Browser = Awaited<ReturnType<typeof browser>>;
let lead: Browser, viewer: Browser, officer: Browser;
beforeAll(async () => {
  [lead, viewer, officer] = await Promise.all([browser("lead"), browser("viewer"), browser("officer")]);
});
const form = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v ?? "")])) as Record<string, string>;

describe("/projects pages", () => {
  it("a lead creates a project by the form and lands on its page with the schedule, timeline and table", async () => {
    const res = await lead.post("/projects", form(newProject({ name: "东栅片区中央公园东" })));
    expect(res.status).toBe(303);
    const path = res.headers.get("Location")!;
    const html = await (await lead.get(path)).text();
    expect((await one(html, "h1")).text).toContain("东栅片区中央公园东");
    expect((await one(html, "svg.timeline title")).text).toBe("进度时间轴");
    expect((await one(html, "svg.timeline")).attrs["aria-labelledby"]).toBe("tl-title tl-desc");
    expect(html).toMatch(/<desc id="tl-desc">[^<]*供地 2024-01-31/);
    const supply = await one(html, '#schedule-table tr[data-milestone="supply"]');
    // Defaults: 1 Mar 2024 − 30 calendar days = 31 Jan 2024, baseline and plan alike.
    expect(supply.text).toContain("2024-01-31");
  });

  it("refuses a bad form with 422, the messages beside the fields, nothing written", async () => {
    const before = await count("projects");
    const res = await lead.post("/projects", form(newProject({ name: "", targetCompletionOn: "2020-01-01" })));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect((await one(html, "#project-name-error")).text).toBe("必填");
    expect((await one(html, "#project-targetCompletionOn")).attrs["aria-invalid"]).toBe("true");
    expect(await count("projects")).toBe(before);
  });

  it("shows the list to a viewer without the create link; a viewer's and officer's posts are 403, no session 303", async () => {
    const p = await createProject(lead.api, { name: "外贸宿舍有机更新" });
    const html = await (await viewer.get("/projects")).text();
    expect((await select(html, `a[href="/projects/${p.id}"]`)).length).toBe(1);
    expect(await select(html, 'a[href="/projects/new"]')).toHaveLength(0);
    const detail = await (await viewer.get(`/projects/${p.id}`)).text();
    expect(await select(detail, "form[action$=replan]")).toHaveLength(0);
    expect((await viewer.post("/projects", form(newProject()))).status).toBe(403);
    expect((await officer.post(`/projects/${p.id}/replan`, { reason: "x" })).status).toBe(403);
    expect((await viewer.get("/projects/new")).status).toBe(403);
    const anon = await call(`/projects/${p.id}`, { redirect: "manual" });
    expect(anon.status).toBe(303);
  });

  it("re-plans by the form (reason required, stale version 409) and keeps the baseline", async () => {
    const p = await createProject(lead.api);
    const path = `/projects/${p.id}/replan`;
    const bad = await lead.post(path, {
      targetStartOn: "2024-03-15",
      targetCompletionOn: "2025-06-30",
      reason: "",
      version: "1",
    });
    expect(bad.status).toBe(422);
    expect((await one(await bad.text(), "#replan-reason-error")).text).toBe("必填");
    const ok = await lead.post(path, {
      targetStartOn: "2024-03-15",
      targetCompletionOn: "2025-06-30",
      reason: "村民有异议",
      version: "1",
    });
    expect(ok.status).toBe(303);
    const stale = await lead.post(path, {
      targetStartOn: "2024-04-01",
      targetCompletionOn: "2025-06-30",
      reason: "再调",
      version: "1",
    });
    expect(stale.status).toBe(409);
    const html = await (await lead.get(`/projects/${p.id}`)).text();
    const start = await one(html, '#schedule-table tr[data-milestone="start"]');
    // Baseline 1 Mar, plan 15 Mar; slip = working days in (1 Mar, 15 Mar] = 4–8 and 11–15 Mar = 10.
    expect(start.text).toContain("2024-03-01");
    expect(start.text).toContain("2024-03-15");
    expect(start.text).toContain("10");
    expect((await one(html, "#plan-history")).text).toContain("村民有异议");
  });

  it("adds and resolves a problem, joins a parcel by its code and lets it leave", async () => {
    const p = await createProject(lead.api);
    const add = await lead.post(`/projects/${p.id}/problems`, {
      text: "鱼塘未清",
      milestone: "acquisition",
      unit: "余新镇人民政府",
      owner: "周",
      dueOn: "2023-09-30",
    });
    expect(add.status).toBe(303);
    expect((await lead.post(`/projects/${p.id}/problems`, { text: "", milestone: "x" })).status).toBe(422);
    const pr = (await env_problem(p.id))!;
    expect((await lead.post(`/projects/${p.id}/problems/${pr}`, { resolution: "", version: "1" })).status).toBe(422);
    expect((await lead.post(`/projects/${p.id}/problems/${pr}`, { resolution: "已清表", version: "1" })).status).toBe(
      303,
    );
    expect((await lead.post(`/projects/${p.id}/problems/${pr}`, { resolution: "again", version: "1" })).status).toBe(
      409,
    );
    const parcel = await parcelAt(officer.api, "approved");
    const code = (await (await officer.api.json("GET", `/api/v1/parcels/${parcel.id}`)).json()) as { code: string };
    expect((await lead.post(`/projects/${p.id}/parcels`, { code: "NO-SUCH" })).status).toBe(422);
    expect((await lead.post(`/projects/${p.id}/parcels`, { code: code.code })).status).toBe(303);
    expect(await count("parcels", "id = ? AND project_id = ?", parcel.id, p.id)).toBe(1);
    const html = await (await viewer.get(`/projects/${p.id}`)).text();
    expect((await one(html, `#project-parcels tr[data-parcel="${parcel.id}"]`)).text).toContain("2023-01-10");
    expect((await one(html, `#problems tr[data-problem="${pr}"]`)).text).toContain("已清表");
    expect((await lead.post(`/projects/${p.id}/parcels/leave`, { parcelId: String(parcel.id) })).status).toBe(303);
    expect(await count("parcels", "id = ? AND project_id IS NULL", parcel.id)).toBe(1);
    expect((await lead.post(`/projects/${p.id}/parcels/leave`, { parcelId: "abc" })).status).toBe(422);
  });
});

async function env_problem(projectId: number): Promise<number | null> {
  const { env } = await import("cloudflare:workers");
  const row = await env.DB.prepare("SELECT id FROM problems WHERE project_id = ?")
    .bind(projectId)
    .first<{ id: number }>();
  return row?.id ?? null;
}
