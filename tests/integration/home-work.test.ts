import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { WEEKLY_CRON } from "../../src/reviews/writes";
import { MOVE_BODY } from "../chain-fixtures";
import { newParcel } from "../helpers";
import { select } from "../html";
import { buildFixture, clientAs, U, type Client } from "../review-fixtures";

// The home page on Monday 2034-03-13 over the weekly fixture plus three things done for it: an officer
// approved F on Sunday, a parcel I (agreed start 2033-03-13) turns idle today, and a lead runs a project of
// their own. Each role sees exactly its items.
const TODAY = "2034-03-13";
let admin: Client;
const who: Record<string, Client> = {};
let ids: Awaited<ReturnType<typeof buildFixture>>["parcels"];
let leadProject: number;
let iId: number;

async function items(role: string) {
  const html = await (await who[role]("GET", "/")).text();
  return {
    html,
    links: (await select(html, "#work a")).map((a) => [a.text.trim(), a.attrs.href]),
    chain: await select(html, "ol.chain li"),
  };
}

beforeAll(async () => {
  admin = (await clientAs("admin", TODAY)).json;
  ids = (await buildFixture(admin)).parcels;
  // Monday 00:30: W10 is stored as the fixture left it.
  const ctx = { waitUntil: () => {}, passThroughOnException: () => {} };
  const controller = { cron: WEEKLY_CRON, scheduledTime: Date.parse("2034-03-12T16:30:00.000Z"), noRetry: () => {} };
  await worker.scheduled(controller as ScheduledController, env, ctx as unknown as ExecutionContext);
  for (const r of ["officer", "lead", "viewer"]) who[r] = (await clientAs(r as "officer", TODAY)).json;
  who.admin = admin;
  const f = (await (await admin("GET", `/api/v1/parcels/${ids.F.id}`)).json()) as { version: number };
  const m = await who.officer(
    "POST",
    `/api/v1/parcels/${ids.F.id}/moves`,
    { to: "approved", date: "2034-03-12", version: f.version, ...MOVE_BODY.approved },
    "2034-03-12",
  );
  expect(m.status).toBe(200);
  const reg = await admin("POST", "/api/v1/parcels", newParcel({ town: "新丰镇", area: { value: U, unit: "m2" } }));
  let p = (await reg.json()) as { id: number; version: number };
  for (const [to, date, extra] of [
    ["approved", "2032-06-01", {}],
    ["acquired", "2032-08-01", {}],
    ["supplied", "2032-10-01", { agreedStartOn: "2033-03-13", agreedCompletionOn: "2034-09-13", reason: "单独选址" }],
  ] as const) {
    const r = await admin("POST", `/api/v1/parcels/${p.id}/moves`, {
      to,
      date,
      version: p.version,
      ...MOVE_BODY[to],
      ...extra,
    });
    expect(r.status, await r.clone().text()).toBe(200);
    p = (await r.json()) as { id: number; version: number };
  }
  iId = p.id;
  const pr = await who.lead("POST", "/api/v1/projects", {
    name: "负责人自己的项目",
    owner: "某公司",
    category: "municipal",
    leader: "李建国",
    department: "用地保障科",
    targetStartOn: "2036-06-01",
    targetCompletionOn: "2037-06-01",
  });
  expect(pr.status).toBe(201);
  leadProject = ((await pr.json()) as { id: number }).id;
  for (const [text, dueOn] of [
    ["拆迁未完成", "2034-03-10"], // past due: the project is at risk; not due this week
    ["规划调整待批", "2034-03-16"], // due this week (03-13 … 03-19)
    ["资金计划", "2034-03-20"], // next week
  ]) {
    const r = await who.lead("POST", `/api/v1/projects/${leadProject}/problems`, {
      text,
      milestone: "siting",
      unit: "区财政局",
      owner: "赵六",
      dueOn,
    });
    expect(r.status).toBe(201);
  }
  await env.DB.prepare(
    "INSERT INTO login_locks (key, locked_until) VALUES ('user:someone', '2034-03-13T10:00:00.000Z')",
  ).run();
});

describe("home page: the day's work by role", () => {
  it("officer: the approval near lapse, the start within 30 days, the parcel idle from today, their own move", async () => {
    const { links, chain } = await items("officer");
    const code = async (id: number) =>
      ((await (await admin("GET", `/api/v1/parcels/${id}`)).json()) as { code: string }).code;
    expect(links).toEqual([
      // D approved 2032-04-01, never acquired: lapses 2034-04-02 (warned from 2034-01-01).
      [`${await code(ids.D.id)}：批文将于 2034-04-02 失效，请尽快完成征收`, `/parcels/${ids.D.id}`],
      // Supplied parcels by supply date: I (2032-10-01), then B (2034-03-08). I: agreed start 2033-03-13, one year on today → idle fee due from today.
      [`${await code(iId)}：本周进入闲置（应征收闲置费）`, `/parcels/${iId}`],
      // B's agreed start 2034-04-01 is 19 days away: within 30 (not 7).
      [`${await code(ids.B.id)}：约定 2034-04-01 开工（30 天内）`, `/parcels/${ids.B.id}`],
      // The officer's only move of the last 7 days (the admin's moves are not theirs).
      [`您登记的变更：${await code(ids.F.id)} → 已批准（2034-03-12）`, `/parcels/${ids.F.id}`],
    ]);
    expect(chain).toHaveLength(8);
  });

  it("lead: their own project at risk and its problem due this week — not the admin's project", async () => {
    const { links, chain } = await items("lead");
    expect(links).toEqual([
      ["负责人自己的项目：临近节点", `/projects/${leadProject}`],
      ["问题本周到期：规划调整待批（2034-03-16）", `/projects/${leadProject}`],
    ]);
    expect(chain).toHaveLength(8);
  });

  it("viewer: last week's headline figures from its stored review and the link to it", async () => {
    const { links, html } = await items("viewer");
    expect(links).toEqual([["查看上周（2034-W10）周进度晾晒", "/reviews/weekly?week=2034-W10"]]);
    // From the fixture's figures: 12 of 120 亩; start 1 of 2; 3 moves, 1 late, 1 correction; 1 project at risk.
    expect((await select(html, "#headline dd")).map((d) => d.text.trim())).toEqual([
      "12.00 亩 / 120.00（10.0%）",
      "50.0%",
      "3 宗，补录 1 宗，更正 1 宗",
      "1",
    ]);
  });

  it("admin: next year's calendar missing and the locked account; 2034's targets are set", async () => {
    const { links, html } = await items("admin");
    expect(links).toEqual([
      ["2035年工作日历尚未录入", "/admin/calendar"],
      ["1 个账户或地址被锁定", "/admin/lockouts"],
    ]);
    expect(await select(html, "#headline")).toHaveLength(0);
  });
});
