import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/dates";
import { session } from "../helpers";
import { one, select } from "../html";
import { createProject } from "../project-fixtures";
import { browser } from "./parcel-pages-helpers";

// The battle map pages its risk order 50 projects at a time, with the counts per status of every project
// the filters keep above it.

type Row = { id: number; status: string };
type Body = {
  asOf: string;
  page: number;
  pages: number;
  pageSize: number;
  total: number;
  counts: Record<string, number>;
  projects: Row[];
};
const leader = "分页测试领导";
const q = `leader=${encodeURIComponent(leader)}&asOf=2023-05-25`;
let over: number;
const onTrack: number[] = [];
let viewer: Awaited<ReturnType<typeof browser>>;
/** A link's query as the browser reads it (the parser hands attributes over as written: &amp; undecoded). */
const queryOf = (href: string) => Object.fromEntries(new URL(href.replaceAll("&amp;", "&"), "http://x").searchParams);

beforeAll(async () => {
  const lead = await session("lead");
  viewer = await browser("viewer");
  // 51 projects starting on Mondays a week apart from 6 Jan 2025: siting = start − 270 calendar days, at
  // least 11 Apr 2024, far more than 10 working days after 25 May 2023 → on track, the earliest start with
  // the least slack (each a week later: 5 working days more), so the risk order is the creation order.
  for (let i = 0; i < 51; i++)
    onTrack.push(
      (
        await createProject(lead, {
          leader,
          targetStartOn: addDays("2025-01-06", 7 * i),
          targetCompletionOn: "2027-12-31",
        })
      ).id,
    );
  // Start 1 Jun 2023 → siting 4 Sep 2022, long past on 25 May 2023: overdue, so first.
  over = (await createProject(lead, { leader, targetStartOn: "2023-06-01", targetCompletionOn: "2024-06-30" })).id;
}, 120_000);

describe("GET /api/v1/battle-map paging", () => {
  it("50 a page in risk order, the counts of all 52 above", async () => {
    const first = (await (await viewer.api.json("GET", `/api/v1/battle-map?${q}`)).json()) as Body;
    expect(first).toMatchObject({ page: 1, pages: 2, pageSize: 50, total: 52 });
    expect(first.counts).toEqual({ overdue: 1, at_risk: 0, on_track: 51, done: 0 });
    expect(first.projects.map((p) => p.id)).toEqual([over, ...onTrack.slice(0, 49)]);
    const second = (await (await viewer.api.json("GET", `/api/v1/battle-map?${q}&page=2`)).json()) as Body;
    expect(second).toMatchObject({ page: 2, pages: 2, total: 52 });
    expect(second.projects.map((p) => p.id)).toEqual(onTrack.slice(49));
    // Past the last page: the last page.
    const third = (await (await viewer.api.json("GET", `/api/v1/battle-map?${q}&page=3`)).json()) as Body;
    expect(third.page).toBe(2);
    expect(third.projects.map((p) => p.id)).toEqual(onTrack.slice(49));
  });

  it("counts every status before the status filter; pages what the filter keeps", async () => {
    const body = (await (await viewer.api.json("GET", `/api/v1/battle-map?${q}&status=overdue`)).json()) as Body;
    expect(body.counts).toEqual({ overdue: 1, at_risk: 0, on_track: 51, done: 0 });
    expect(body).toMatchObject({ page: 1, pages: 1, total: 1 });
    expect(body.projects.map((p) => p.id)).toEqual([over]);
  });

  it("refuses a page that is not a whole number from 1 (400)", async () => {
    for (const page of ["0", "-1", "1.5", "abc", "100000"])
      expect((await viewer.api.json("GET", `/api/v1/battle-map?${q}&page=${page}`)).status, page).toBe(400);
  });
});

describe("/battle-map paging", () => {
  it("shows 50 rows, page 1 of 2, a next link keeping the filters, and the counts as status links", async () => {
    const html = await (await viewer.get(`/battle-map?${q}`)).text();
    const rows = await select(html, "#battle-map tbody tr");
    expect(rows.map((r) => Number(r.attrs["data-project"]))).toEqual([over, ...onTrack.slice(0, 49)]);
    expect((await one(html, "nav.pager [aria-current=page]")).text).toBe("第 1 / 2 页（共 52 个项目）");
    const next = (await one(html, "nav.pager a[rel=next]")).attrs.href;
    expect(next.startsWith("/battle-map?")).toBe(true);
    expect(queryOf(next)).toEqual({ leader, asOf: "2023-05-25", page: "2" });
    const counts = await select(html, "ul.status-counts li");
    expect(counts.map((c) => [c.attrs["data-status"], c.text.replace(/\s+/g, "")])).toEqual([
      ["overdue", "已逾期1"],
      ["at_risk", "临近节点0"],
      ["on_track", "正常推进51"],
      ["done", "已完成0"],
      ["all", "合计52"],
    ]);
    const overdue = (await one(html, 'ul.status-counts li[data-status="overdue"] a')).attrs.href;
    expect(queryOf(overdue)).toEqual({ leader, asOf: "2023-05-25", status: "overdue" });
  });

  it("page 2 shows the last two, with a link back and none onward", async () => {
    const html = await (await viewer.get(`/battle-map?${q}&page=2`)).text();
    const rows = await select(html, "#battle-map tbody tr");
    expect(rows.map((r) => Number(r.attrs["data-project"]))).toEqual(onTrack.slice(49));
    expect(await select(html, "nav.pager a[rel=next]")).toHaveLength(0);
    expect((await select(html, "nav.pager a[rel=prev]")).length).toBe(1);
  });

  it("a single page has no pager; a bad page is refused with 400 and the notice", async () => {
    const html = await (await viewer.get(`/battle-map?${q}&status=overdue`)).text();
    expect(await select(html, "nav.pager")).toHaveLength(0);
    const bad = await viewer.get(`/battle-map?${q}&page=0`);
    expect(bad.status).toBe(400);
    expect((await one(await bad.text(), "p.notice.error")).attrs.role).toBe("alert");
  });

  it("/projects pages the same way", async () => {
    const html = await (await viewer.get(`/projects?${q}&page=2`)).text();
    expect((await select(html, "#project-list tbody tr")).length).toBe(2);
    expect((await one(html, "nav.pager [aria-current=page]")).text).toBe("第 2 / 2 页（共 52 个项目）");
  });
});
