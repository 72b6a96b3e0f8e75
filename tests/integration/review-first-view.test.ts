import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { WEEKLY_CRON } from "../../src/reviews/writes";
import { MOVE_BODY } from "../chain-fixtures";
import { newParcel } from "../helpers";
import { one, select } from "../html";
import { buildFixture, clientAs, U, WEEK, type Client } from "../review-fixtures";

// The review page shows each long list's first 20 rows with the count of all and a link to the whole list;
// the list's own page, the print version and the downloads carry every row. The fixture week 2034-W10 gets
// 19 more parcels approved on Saturday 03-11, so its moves are: A acquired 03-07, B supplied 03-08, E started
// 03-10, the 19 approvals (dated 03-11, in the order they were made), then C's late withdrawal (dated 02-20,
// recorded 03-09) = 23 rows. The first 20 are A, B, E and the first 17 approvals.
const TODAY = "2034-03-15";
const EXTRA = 19;
let admin: Client;
let viewer: Client;
let extraCodes: string[];
let lastExtra: { id: number; version: number };

async function runCron(scheduledTime: string) {
  const pending: Promise<unknown>[] = [];
  const ctx = { waitUntil: (p: Promise<unknown>) => pending.push(p), passThroughOnException: () => {} };
  const controller = { cron: WEEKLY_CRON, scheduledTime: Date.parse(scheduledTime), noRetry: () => {} };
  await worker.scheduled(controller as ScheduledController, env, ctx as unknown as ExecutionContext);
  await Promise.all(pending);
}

beforeAll(async () => {
  admin = (await clientAs("admin", TODAY)).json;
  await buildFixture(admin);
  extraCodes = [];
  for (let i = 0; i < EXTRA; i++) {
    const r = await admin(
      "POST",
      "/api/v1/parcels",
      newParcel({ town: "新丰镇", area: { value: U, unit: "m2" } }),
      "2034-01-10",
    );
    expect(r.status).toBe(201);
    const p = (await r.json()) as { id: number; version: number; code: string };
    const body = { to: "approved", date: "2034-03-11", version: p.version, ...MOVE_BODY.approved };
    const m = await admin("POST", `/api/v1/parcels/${p.id}/moves`, body, "2034-03-11");
    expect(m.status, await m.clone().text()).toBe(200);
    extraCodes.push(p.code);
    lastExtra = (await m.json()) as { id: number; version: number };
  }
  viewer = (await clientAs("viewer", TODAY)).json;
});

const page = async (path: string, day = TODAY) => {
  const r = await viewer("GET", path, undefined, day);
  expect(r.status, path).toBe(200);
  return r.text();
};
/** The body rows of table `id`: each row's cells as text. */
async function rows(html: string, id: string): Promise<string[][]> {
  const width = (await select(html, `#rev-${id} thead th`)).length;
  const cells = (await select(html, `#rev-${id} tbody td`)).map((e) => e.text);
  const out: string[][] = [];
  for (let i = 0; i < cells.length; i += width) out.push(cells.slice(i, i + width));
  return out;
}
const codes = (rs: string[][]) => rs.map((r) => r[0]);

/** The page shows 20 of the 23 moves and links to all of them; the short lists are whole, with no link. */
async function expectFirstView(html: string) {
  const moves = await rows(html, "moves");
  expect(moves).toHaveLength(20);
  // A, B, E, then the approvals in the order they were made: the first 17 of them.
  expect(codes(moves).slice(3)).toEqual(extraCodes.slice(0, 17));
  expect(moves.map((m) => m[4]).slice(0, 4)).toEqual(["2034-03-07", "2034-03-08", "2034-03-10", "2034-03-11"]);
  const more = await one(html, "#rev-more-moves");
  expect([more.attrs["data-shown"], more.attrs["data-total"]]).toEqual(["20", "23"]);
  expect(more.text).toContain("显示前 20 条，共 23 条");
  const link = await one(html, "#rev-more-moves a");
  expect([link.attrs.href, link.text.trim()]).toEqual([
    `/reviews/weekly/tables/moves?week=${WEEK}`,
    "查看本周变更全部 23 条",
  ]);
  // The summary by state still counts every move dated in the week: 19 approvals + A, B, E.
  const byState = await rows(html, "movesByState");
  expect(byState[0]).toEqual(["已批准", "19", "57.00"]); // 19 × 3.00 亩
  // H's correction, the project at risk, the problems and the warnings are under 20 rows: no link.
  expect(await rows(html, "corrections")).toHaveLength(1);
  expect(await select(html, ".rev-more")).toHaveLength(1);
  // Printed as it is, the page says it holds the first rows only; the print version is one link away.
  expect((await one(html, ".print-only")).text).toContain("前 20 条");
  expect((await one(html, "#rev-print-link")).attrs.href).toBe(`/reviews/weekly/print?week=${WEEK}`);
}

/** The list's own page: all 23 moves, the hidden three last (X18, X19, then C's late withdrawal). */
async function expectWholeList(html: string) {
  const moves = await rows(html, "moves");
  expect(moves).toHaveLength(23);
  expect(codes(moves).slice(3, 22)).toEqual(extraCodes);
  expect([moves[22][3], moves[22][4], moves[22][5], moves[22][8]]).toEqual([
    "已撤回/核减",
    "2034-02-20",
    "2034-03-09",
    "补录",
  ]);
  const totals = await one(html, "#rev-list-totals");
  expect([totals.attrs["data-total"], totals.text]).toEqual(["23", "第 1–23 条，共 23 条"]);
  expect(await select(html, "nav.pager")).toHaveLength(0); // 23 rows: one page of 200
  expect(await select(html, ".rev-more")).toHaveLength(0);
}

describe("the weekly review's first view", () => {
  it("computed live, shows the first 20 of 23 moves and links to the whole list", async () => {
    const html = await page(`/reviews/weekly?week=${WEEK}`);
    expect((await one(html, ".notice")).text).toContain("实时计算");
    await expectFirstView(html);
    await expectWholeList(await page(`/reviews/weekly/tables/moves?week=${WEEK}`));
    const en = await page(`/reviews/weekly?week=${WEEK}&lang=en`);
    expect((await one(en, "#rev-more-moves")).text).toContain("Showing the first 20 of 23. Show all 23: Moves");
  });

  it("stores the first view beside the whole review, and the stored page reads it", async () => {
    await runCron("2034-03-12T16:30:00.000Z");
    const row = await env.DB.prepare("SELECT figures, first_view, first_view_totals FROM weekly_reviews WHERE week = ?")
      .bind(WEEK)
      .first<{ figures: string; first_view: string; first_view_totals: string }>();
    // Whole: 23 moves; first view: 20 of them, and the other lists as they are (1 correction, 1 warning, 1 lapse).
    expect(JSON.parse(row!.figures).moves).toHaveLength(23);
    expect(JSON.parse(row!.first_view).moves).toHaveLength(20);
    expect(JSON.parse(row!.first_view_totals)).toEqual({ moves: 23, corrections: 1, idle: 1, lapsing: 1 });
    const html = await page(`/reviews/weekly?week=${WEEK}`);
    expect((await one(html, ".notice")).text).toContain("存档");
    await expectFirstView(html);
    // The stored page's first rows are the whole list's first rows, cell for cell.
    const whole = await page(`/reviews/weekly/tables/moves?week=${WEEK}`);
    await expectWholeList(whole);
    expect((await rows(whole, "moves")).slice(0, 20)).toEqual(await rows(html, "moves"));
  });

  it("prints every row: the print version has all 23 moves and no links to more; the CSV too", async () => {
    const html = await page(`/reviews/weekly/print?week=${WEEK}`);
    expect(await rows(html, "moves")).toHaveLength(23);
    expect(await select(html, ".rev-more")).toHaveLength(0);
    expect(await select(html, ".print-only")).toHaveLength(0);
    expect(await select(html, "section.rev-section")).toHaveLength(6);
    const csv = await (await viewer("GET", `/reviews/weekly/export.csv?week=${WEEK}`)).text();
    // Every approval's code, and the hidden late withdrawal, are in the download.
    for (const code of extraCodes) expect(csv).toContain(code);
    expect(csv).toContain("2034-02-20,2034-03-09");
  });

  it("refuses a list that is not one, and a malformed page; a page past the last shows the last", async () => {
    expect((await viewer("GET", `/reviews/weekly/tables/chain?week=${WEEK}`)).status).toBe(404);
    expect((await viewer("GET", `/reviews/weekly/tables/nope?week=${WEEK}`)).status).toBe(404);
    for (const bad of ["0", "-1", "x", "1.5", "999999"])
      expect((await viewer("GET", `/reviews/weekly/tables/moves?week=${WEEK}&page=${bad}`)).status, bad).toBe(400);
    expect((await viewer("GET", `/reviews/weekly/tables/moves?week=2034-W99`)).status).toBe(400);
    await expectWholeList(await page(`/reviews/weekly/tables/moves?week=${WEEK}&page=3`));
  });

  it("after a correction shows the reported first rows and today's differences", async () => {
    // On 03-20 the last approval (X19, hidden on the page) is corrected: as of 03-12 it is planned again.
    const { id, version } = lastExtra;
    const c = await admin("POST", `/api/v1/parcels/${id}/corrections`, { version, reason: "批文号录错" }, "2034-03-20");
    expect(c.status, await c.clone().text()).toBe(200);
    const html = await page(`/reviews/weekly?week=${WEEK}`, "2034-03-20");
    // Reported: 23 moves, 20 shown; today: 22 (X19's approval is gone), listed among the differences.
    await expectFirstView(html);
    const changed = (await select(html, "#rev-changed tbody tr")).map((e) => e.text);
    expect(changed).toContain("本周变更汇总已批准宗数1918");
  });
});
