import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { WEEKLY_CRON } from "../../src/reviews/writes";
import { count } from "../helpers";
import { select } from "../html";
import { buildFixture, clientAs, WEEK, type Client } from "../review-fixtures";

// The scheduled job (Monday 00:30 Asia/Shanghai = Sunday 16:30 UTC) invoked as the Workers runtime would:
// its scheduled time is its "now".
async function runCron(scheduledTime: string, cron = WEEKLY_CRON) {
  const pending: Promise<unknown>[] = [];
  const ctx = { waitUntil: (p: Promise<unknown>) => pending.push(p), passThroughOnException: () => {} };
  const controller = { cron, scheduledTime: Date.parse(scheduledTime), noRetry: () => {} };
  await worker.scheduled(controller as ScheduledController, env, ctx as unknown as ExecutionContext);
  await Promise.all(pending);
}
const stored = async () =>
  (await env.DB.prepare("SELECT week FROM weekly_reviews ORDER BY week").all<{ week: string }>()).results.map(
    (r) => r.week,
  );

let admin: Client;
let ids: Awaited<ReturnType<typeof buildFixture>>["parcels"];

beforeAll(async () => {
  admin = (await clientAs("admin", "2034-03-13")).json;
  ids = (await buildFixture(admin)).parcels;
});

type Review = {
  source: string;
  takenAt: string | null;
  states: { state: string; count: number }[];
  live: null | Review;
  differences: { table: string; row: string; col: string; reported: unknown; live: unknown }[];
};
const started = (r: Review) => r.states.find((s) => s.state === "started")!.count;

describe("weekly snapshots by the scheduled handler", () => {
  it("stores the finished week exactly once, however often it runs", async () => {
    // Monday 2034-03-13 00:30 in Shanghai: 2034-W10 has just finished; nothing stored before, so only it.
    await runCron("2034-03-12T16:30:00.000Z");
    await runCron("2034-03-12T16:30:00.000Z");
    await Promise.all([runCron("2034-03-12T16:31:00.000Z"), runCron("2034-03-12T16:32:00.000Z")]);
    expect(await stored()).toEqual([WEEK]);
  });

  it("does nothing on the daily cron", async () => {
    await runCron("2034-03-19T19:00:00.000Z", "0 19 * * *");
    expect(await stored()).toEqual([WEEK]);
  });

  it("back-fills the weeks it missed: two skipped runs, then the latest week", async () => {
    // Monday 2034-04-03 00:30: the last finished week is W13 (03-27 … 04-02); W11 and W12 were missed.
    await runCron("2034-04-02T16:30:00.000Z");
    await runCron("2034-04-02T16:30:00.000Z");
    expect(await stored()).toEqual([WEEK, "2034-W11", "2034-W12", "2034-W13"]);
  });

  it("never lets a stored review change or go (triggers)", async () => {
    await expect(env.DB.prepare("UPDATE weekly_reviews SET figures = '{}'").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM weekly_reviews").run()).rejects.toThrow(/append-only/);
    expect(await count("weekly_reviews")).toBe(4);
  });

  it("serves a stored week as stored while nothing dated in it changed", async () => {
    const r = await admin("GET", `/api/v1/reviews/weekly?week=${WEEK}`, undefined, "2034-04-05");
    const body = (await r.json()) as Review;
    expect([body.source, body.takenAt, body.live, body.differences]).toEqual([
      "snapshot",
      "2034-03-12T16:30:00.000Z",
      null,
      [],
    ]);
    expect(started(body)).toBe(1); // E started on 03-10
  });

  it("keeps the reported figures after a later correction, and shows today's beside them", async () => {
    // On 2034-04-05 E's start (03-10, its latest move) is corrected: as of 03-12 today's data has nothing started.
    const p = (await (await admin("GET", `/api/v1/parcels/${ids.E.id}`, undefined, "2034-04-05")).json()) as {
      version: number;
    };
    const c = await admin(
      "POST",
      `/api/v1/parcels/${ids.E.id}/corrections`,
      { version: p.version, reason: "开工日期有误" },
      "2034-04-05",
    );
    expect(c.status).toBe(200);
    const body = (await (
      await admin("GET", `/api/v1/reviews/weekly?week=${WEEK}`, undefined, "2034-04-05")
    ).json()) as Review;
    expect([body.source, started(body), started(body.live!)]).toEqual(["snapshot", 1, 0]);
    // The chain's started row: 1 reported, 0 today (and supplied 2 → 3); the start rate 1 of 2 → 0 of 2.
    expect(body.differences).toContainEqual(
      expect.objectContaining({ table: "chain", row: "started", col: "count", reported: 1, live: 0 }),
    );
    expect(
      body.differences
        .filter((d) => d.table === "rates" && d.col === "doneCount")
        .map((d) => [d.row, d.reported, d.live]),
    ).toEqual([["start", 1, 0]]);
    const html = await (await admin("GET", `/reviews/weekly?week=${WEEK}`, undefined, "2034-04-05")).text();
    const rows = (await select(html, "#rev-changed tbody tr")).map((e) => e.text);
    // Side by side: section, row, figure, reported, today.
    expect(rows).toContain("地块链条已开工宗数10");
    expect(rows).toContain("开工竣工率开工率已（宗）10");
    // The page's own tables still show the reported chain: started 1.
    const chain = (await select(html, "#rev-chain tbody td")).map((e) => e.text);
    expect(chain.slice(35, 37)).toEqual(["已开工", "1"]);
    // A week stored after the correction (none) and a later week are unaffected.
    expect(await stored()).toEqual([WEEK, "2034-W11", "2034-W12", "2034-W13"]);
  });
});
