import { beforeAll, describe, expect, it } from "vitest";
import { session } from "../helpers";
import { select } from "../html";
import { createProject } from "../project-fixtures";
import { browser } from "./parcel-pages-helpers";

type Row = {
  id: number;
  status: string;
  milestones: { key: string; status: string; plannedOn: string }[];
  openProblems: { text: string }[];
};
let ids: Record<string, number>;
let viewer: Awaited<ReturnType<typeof browser>>;
const leader = "作战图测试领导";

beforeAll(async () => {
  const lead = await session("lead");
  viewer = await browser("viewer");
  const make = async (startOn: string, category: string) =>
    (await createProject(lead, { leader, category, targetStartOn: startOn, targetCompletionOn: "2026-12-31" })).id;
  // Created in an order unlike the risk order, so the sort is tested.
  ids = {
    on: await make("2025-03-01", "general"),
    risk: await make("2024-03-01", "provincial"),
    on2: await make("2024-06-01", "general"),
    over: await make("2024-02-01", "municipal"),
  };
  const body = { text: "控规调整未批", milestone: "siting", unit: "区规划局", owner: "钱", dueOn: "2023-06-30" };
  expect((await lead.json("POST", `/api/v1/projects/${ids.risk}/problems`, body)).status).toBe(201);
});

describe("GET /api/v1/battle-map", () => {
  it("sorts by risk as of a date: overdue, at risk, then least slack", async () => {
    const res = await viewer.api.json("GET", `/api/v1/battle-map?asOf=2023-05-25&leader=${encodeURIComponent(leader)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { asOf: string; projects: Row[] };
    expect(body.asOf).toBe("2023-05-25");
    // over: start 1 Feb 2024 → supply 2 Jan, acquisition 4 Oct 2023, approval 6 Jul, siting 7 May: past → overdue.
    // risk: start 1 Mar 2024 → siting 5 Jun 2023; (25 May, 5 Jun] = 26, 29, 30, 31 May, 1, 2, 5 Jun = 7 ≤ 10 → at_risk.
    // on2: start 1 Jun 2024 → siting 5 Sep 2023; on: start 1 Mar 2025, later still: both on_track, on2 less slack.
    expect(body.projects.map((p) => p.id)).toEqual([ids.over, ids.risk, ids.on2, ids.on]);
    expect(body.projects.map((p) => p.status)).toEqual(["overdue", "at_risk", "on_track", "on_track"]);
    const risk = body.projects[1];
    expect(risk.milestones[0]).toMatchObject({ key: "siting", plannedOn: "2023-06-05", status: "at_risk" });
    expect(risk.openProblems.map((p) => p.text)).toEqual(["控规调整未批"]);
  });

  it("filters by category and status, and refuses a bad asOf with 400", async () => {
    const q = `leader=${encodeURIComponent(leader)}&asOf=2023-05-25`;
    const cat = (await (await viewer.api.json("GET", `/api/v1/battle-map?${q}&category=general`)).json()) as {
      projects: Row[];
    };
    expect(cat.projects.map((p) => p.id)).toEqual([ids.on2, ids.on]);
    const st = (await (await viewer.api.json("GET", `/api/v1/battle-map?${q}&status=overdue`)).json()) as {
      projects: Row[];
    };
    expect(st.projects.map((p) => p.id)).toEqual([ids.over]);
    expect((await viewer.api.json("GET", "/api/v1/battle-map?asOf=2023-02-30")).status).toBe(400);
  });
});

describe("/battle-map page", () => {
  it("shows the matrix in risk order with each cell's status as a word and its dates", async () => {
    const res = await viewer.get(`/battle-map?asOf=2023-05-25&leader=${encodeURIComponent(leader)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const rows = await select(html, "#battle-map tbody tr");
    expect(rows.map((r) => Number(r.attrs["data-project"]))).toEqual([ids.over, ids.risk, ids.on2, ids.on]);
    const cells = await select(html, `#battle-map tr[data-project="${ids.risk}"] td[data-milestone="siting"]`);
    expect(cells[0].attrs.class).toBe("m-at_risk");
    expect(cells[0].text).toContain("临近节点");
    expect(cells[0].text).toContain("2023-06-05");
    expect(html).toContain("控规调整未批");
  });

  it("keeps a bad filter out and says so (400), and says in Chinese when a year is provisional", async () => {
    expect((await viewer.get("/battle-map?status=bogus")).status).toBe(400);
    const html = await (await viewer.get(`/battle-map?asOf=2023-05-25&leader=${encodeURIComponent(leader)}`)).text();
    // Completion 31 Dec 2026 lies in a published year; a 2027 plan would not.
    expect(html).not.toContain("放假安排尚未公布");
  });
});
