import { beforeAll, describe, expect, it } from "vitest";
import { parcelAt } from "../chain-fixtures";
import { BASE, call, count } from "../helpers";
import { one, select } from "../html";
import { createProject, newProject } from "../project-fixtures";
import { browser } from "./parcel-pages-helpers";

// The project forms with htmx: a refused form answers a fragment (the form, or the project's detail section)
// with the messages beside the fields; an accepted one sends the browser on. Without JS they stay plain posts
// (tests/integration/projects-pages.test.ts).

type Browser = Awaited<ReturnType<typeof browser>>;
let lead: Browser, viewer: Browser, officer: Browser;
beforeAll(async () => {
  [lead, viewer, officer] = await Promise.all([browser("lead"), browser("viewer"), browser("officer")]);
});
const HX = { "HX-Request": "true" };
const form = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v ?? "")])) as Record<string, string>;

/** A fragment: no document around it, and its outermost element is `selector`. */
async function expectFragment(html: string, selector: string) {
  expect(html).not.toMatch(/<!DOCTYPE|<html/i);
  expect(html.trimStart().startsWith("<")).toBe(true);
  expect(await select(html, selector)).toHaveLength(1);
}

describe("new project form with htmx", () => {
  it("posts with htmx to the same action it posts to without JS", async () => {
    const html = await (await lead.get("/projects/new")).text();
    const f = await one(html, "#new-project form");
    expect(f.attrs).toMatchObject({
      method: "post",
      action: "/projects",
      "hx-post": "/projects",
      "hx-target": "#new-project",
      "hx-swap": "outerHTML",
    });
  });

  it("refuses with 422 and the form alone, messages beside the fields, nothing written", async () => {
    const before = await count("projects");
    const res = await lead.post("/projects", form(newProject({ name: "", targetCompletionOn: "2020-01-01" })), HX);
    expect(res.status).toBe(422);
    const html = await res.text();
    await expectFragment(html, "div#new-project");
    expect((await one(html, "#project-name-error")).text).toBe("必填");
    expect((await one(html, "#project-name")).attrs["aria-describedby"]).toBe("project-name-error");
    expect((await one(html, "#project-targetCompletionOn")).attrs["aria-invalid"]).toBe("true");
    // What was typed is kept.
    expect((await one(html, "#project-owner")).attrs.value).toBe("嘉兴市南湖新区开发建设有限公司");
    expect(await count("projects")).toBe(before);
  });

  it("creates and sends the browser to the new project's page", async () => {
    const before = await count("projects");
    const res = await lead.post("/projects", form(newProject({ name: "枫南线站点综合开发" })), HX);
    expect(res.status).toBe(204);
    const to = res.headers.get("HX-Redirect")!;
    expect(to).toMatch(/^\/projects\/\d+$/);
    expect(await count("projects")).toBe(before + 1);
    expect(await count("projects", "id = ? AND name = ?", Number(to.split("/")[2]), "枫南线站点综合开发")).toBe(1);
  });

  it("403 for a viewer and an officer, 401 with a login redirect without a session, nothing written", async () => {
    const before = await count("projects");
    expect((await viewer.post("/projects", form(newProject()), HX)).status).toBe(403);
    expect((await officer.post("/projects", form(newProject()), HX)).status).toBe(403);
    const anon = await call("/projects", {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE, ...HX },
      body: new URLSearchParams(form(newProject())).toString(),
    });
    expect(anon.status).toBe(401);
    expect(anon.headers.get("HX-Redirect")).toMatch(/^\/login\?next=/);
    expect(await count("projects")).toBe(before);
  });
});

describe("project page forms with htmx", () => {
  it("every form of the page posts with htmx into the detail section", async () => {
    const p = await createProject(lead.api);
    await lead.api.json("POST", `/api/v1/projects/${p.id}/problems`, {
      text: "青苗未清",
      milestone: "acquisition",
      unit: "新丰镇人民政府",
      owner: "沈",
    });
    const html = await (await lead.get(`/projects/${p.id}`)).text();
    const forms = await select(html, "#project-detail form");
    // Join, add a problem, resolve it, re-plan (no parcel yet, so no leave form).
    const pr = (await env_problemId(p.id, "青苗未清"))!;
    expect(forms.map((f) => f.attrs.action).sort()).toEqual(
      [
        `/projects/${p.id}/parcels`,
        `/projects/${p.id}/problems`,
        `/projects/${p.id}/problems/${pr}`,
        `/projects/${p.id}/replan`,
      ].sort(),
    );
    for (const f of forms) {
      expect(f.attrs["hx-post"]).toBe(f.attrs.action);
      expect(f.attrs["hx-target"]).toBe("#project-detail");
      expect(f.attrs.method).toBe("post");
    }
  });

  it("the page's GET answers htmx with the detail section alone, and says it varies on HX-Request", async () => {
    const p = await createProject(lead.api, { name: "三塔里有机更新" });
    const res = await lead.get(`/projects/${p.id}`, HX);
    expect(res.status).toBe(200);
    expect(res.headers.get("Vary")).toContain("HX-Request");
    const html = await res.text();
    await expectFragment(html, "section#project-detail");
    expect((await one(html, "#project-h")).text).toContain("三塔里有机更新");
    // A history restore gets the whole page.
    const restore = await (await lead.get(`/projects/${p.id}`, { ...HX, "HX-History-Restore-Request": "true" })).text();
    expect(restore).toMatch(/<!DOCTYPE html>/);
  });

  it("re-plan: 422 with the section and the message beside the reason; 409 when stale; 303 when done", async () => {
    const p = await createProject(lead.api);
    const path = `/projects/${p.id}/replan`;
    const events = await count("project_events", "project_id = ?", p.id);
    const fields = { targetStartOn: "2024-03-15", targetCompletionOn: "2025-06-30", version: "1" };
    const bad = await lead.post(path, { ...fields, reason: "" }, HX);
    expect(bad.status).toBe(422);
    const html = await bad.text();
    await expectFragment(html, "section#project-detail");
    expect((await one(html, "#replan-reason-error")).text).toBe("必填");
    expect((await one(html, "#replan-reason")).attrs["aria-invalid"]).toBe("true");
    expect((await one(html, "#replan-targetStartOn")).attrs.value).toBe("2024-03-15");
    expect(await count("project_events", "project_id = ?", p.id)).toBe(events);
    expect(await count("projects", "id = ? AND version = 1 AND target_start_on = '2024-03-01'", p.id)).toBe(1);

    const ok = await lead.post(path, { ...fields, reason: "控规调整未批" }, HX);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe(`/projects/${p.id}`);
    // htmx follows the 303 with its headers: the section read again, re-planned.
    const after = await (await lead.get(ok.headers.get("Location")!, HX)).text();
    await expectFragment(after, "section#project-detail");
    expect((await one(after, "#plan-history")).text).toContain("控规调整未批");

    const stale = await lead.post(path, { ...fields, targetStartOn: "2024-04-01", reason: "再调" }, HX);
    expect(stale.status).toBe(409);
    const conflict = await stale.text();
    await expectFragment(conflict, "section#project-detail");
    expect((await one(conflict, "#project-detail p.notice.error")).attrs.role).toBe("alert");
    expect(await count("projects", "id = ? AND version = 2 AND target_start_on = '2024-03-15'", p.id)).toBe(1);
  });

  it("problems: add and resolve refused with 422 fragments beside the fields, stale 409, accepted 303", async () => {
    const p = await createProject(lead.api);
    const problems = await count("problems", "project_id = ?", p.id);
    const bad = await lead.post(`/projects/${p.id}/problems`, { text: "", milestone: "x", unit: "区财政局" }, HX);
    expect(bad.status).toBe(422);
    const html = await bad.text();
    await expectFragment(html, "section#project-detail");
    expect((await one(html, "#prob-text-error")).text).toBe("必填");
    expect((await one(html, "#prob-milestone")).attrs["aria-invalid"]).toBe("true");
    expect((await one(html, "#prob-unit")).attrs.value).toBe("区财政局");
    expect(await count("problems", "project_id = ?", p.id)).toBe(problems);

    const add = await lead.post(
      `/projects/${p.id}/problems`,
      { text: "征地款未到位", milestone: "acquisition", unit: "区财政局", owner: "李" },
      HX,
    );
    expect(add.status).toBe(303);
    const pr = (await env_problemId(p.id, "征地款未到位"))!;
    const resolve = `/projects/${p.id}/problems/${pr}`;
    const empty = await lead.post(resolve, { resolution: "", version: "1" }, HX);
    expect(empty.status).toBe(422);
    await expectFragment(await empty.text(), "section#project-detail");
    expect(await count("problems", "id = ? AND status = 'open'", pr)).toBe(1);
    expect((await lead.post(resolve, { resolution: "资金已拨付", version: "1" }, HX)).status).toBe(303);
    const stale = await lead.post(resolve, { resolution: "again", version: "1" }, HX);
    expect(stale.status).toBe(409);
    await expectFragment(await stale.text(), "section#project-detail");
    expect(await count("problems", "id = ? AND status = 'resolved' AND resolution = '资金已拨付'", pr)).toBe(1);
  });

  it("joining parcels: an unknown code is refused beside the field (422), a known one joins (303)", async () => {
    const p = await createProject(lead.api);
    const bad = await lead.post(`/projects/${p.id}/parcels`, { code: "NO-SUCH-PARCEL" }, HX);
    expect(bad.status).toBe(422);
    const html = await bad.text();
    await expectFragment(html, "section#project-detail");
    expect((await one(html, "#join-code")).attrs["aria-invalid"]).toBe("true");
    expect((await one(html, "#join-code-error")).text.length).toBeGreaterThan(0);
    expect((await one(html, "#join-code")).attrs.value).toBe("NO-SUCH-PARCEL");
    expect(await count("parcels", "project_id = ?", p.id)).toBe(0);

    const parcel = await parcelAt(officer.api, "approved");
    const { code } = (await (await officer.api.json("GET", `/api/v1/parcels/${parcel.id}`)).json()) as { code: string };
    const ok = await lead.post(`/projects/${p.id}/parcels`, { code }, HX);
    expect(ok.status).toBe(303);
    expect(await count("parcels", "id = ? AND project_id = ?", parcel.id, p.id)).toBe(1);
    const after = await (await lead.get(`/projects/${p.id}`, HX)).text();
    expect((await one(after, `#project-parcels tr[data-parcel="${parcel.id}"]`)).text).toContain(code);
    // A viewer's htmx post is refused like any other.
    expect((await viewer.post(`/projects/${p.id}/parcels`, { code }, HX)).status).toBe(403);
  });
});

async function env_problemId(projectId: number, text: string): Promise<number | null> {
  const { env } = await import("cloudflare:workers");
  const row = await env.DB.prepare("SELECT id FROM problems WHERE project_id = ? AND text = ?")
    .bind(projectId, text)
    .first<{ id: number }>();
  return row?.id ?? null;
}
