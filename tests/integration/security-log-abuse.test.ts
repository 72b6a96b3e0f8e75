import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { getDb } from "../../src/db/client";
import { cleanSecurityLog } from "../../src/http/audit";
import { call, count, session } from "../helpers";

// The security log under abuse (issue 11): anonymous refusals counted per (kind, address, hour);
// entries deleted only past the retention age (400 days by default), which the trigger enforces.
const junk = (ip: string, now: string, path = `/junk/${crypto.randomUUID()}`) =>
  call(path, {
    method: "POST",
    headers: {
      Origin: "https://evil.example",
      "Content-Type": "application/x-www-form-urlencoded",
      "CF-Connecting-IP": ip,
      "X-Test-Now": now,
    },
    body: "a=1",
  });

type Row = { count: number; at: string; last_at: string; path: string; method: string };
const rowsOf = (ip: string) =>
  env.DB.prepare("SELECT count, at, last_at, path, method FROM security_log WHERE ip = ? ORDER BY id")
    .bind(ip)
    .all<Row>()
    .then((r) => r.results);

describe("anonymous refusals are aggregated", () => {
  it("50 cross-site junk posts from one address in one hour: 1 row counting 50", async () => {
    const ip = "203.0.113.50";
    for (let i = 0; i < 50; i++) {
      // 10:00:00 + i × 30 s: from 10:00:00 to 10:24:30, all in the 10:00 hour.
      const now = new Date(Date.parse("2026-03-02T10:00:00Z") + i * 30_000).toISOString();
      expect((await junk(ip, now)).status).toBe(403);
    }
    const rows = await rowsOf(ip);
    expect(rows.length).toBeLessThan(10);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 50, at: "2026-03-02T10:00:00.000Z", last_at: "2026-03-02T10:24:30.000Z" });
  });

  it("a new hour or another address starts a new row; the path is cut to 120 characters", async () => {
    const ip = "203.0.113.51";
    await junk(ip, "2026-03-02T10:59:59Z", "/" + "p".repeat(500));
    await junk(ip, "2026-03-02T11:00:00Z");
    await junk("203.0.113.52", "2026-03-02T11:00:01Z");
    const rows = await rowsOf(ip);
    expect(rows.map((r) => r.count)).toEqual([1, 1]);
    expect(rows[0].path).toBe("/" + "p".repeat(119));
    expect(await count("security_log", "ip = '203.0.113.52'")).toBe(1);
  });

  it("a signed-in user's 403 is still one row each", async () => {
    const viewer = await session("viewer");
    const headers = { "CF-Connecting-IP": "203.0.113.53" };
    for (let i = 0; i < 3; i++) await viewer.json("POST", "/api/v1/parcels", {}, headers);
    expect(await count("security_log", "ip = '203.0.113.53' AND kind = 'forbidden' AND count = 1")).toBe(3);
  });

  it("an aggregate can only count up: lowering its count or rewriting it is refused", async () => {
    await junk("203.0.113.54", "2026-03-02T12:00:00Z");
    const update = (set: string) => env.DB.prepare(`UPDATE security_log SET ${set} WHERE ip = '203.0.113.54'`).run();
    await expect(update("count = 0")).rejects.toThrow(/append-only/);
    await expect(update("path = '/other'")).rejects.toThrow(/append-only/);
    await expect(update("last_at = '2020-01-01T00:00:00.000Z'")).rejects.toThrow(/append-only/);
    expect(await rowsOf("203.0.113.54")).toMatchObject([{ count: 1, path: expect.stringMatching(/^\/junk\//) }]);
  });
});

describe("retention: 400 days by default, enforced by the trigger", () => {
  const DAY = 86_400_000;
  // Ages in days before the database's "now" (the same machine's clock as Date.now()).
  const insertAged = async (days: number) => {
    const at = new Date(Date.now() - days * DAY).toISOString();
    const r = await env.DB.prepare(
      "INSERT INTO security_log (at, kind, actor_name) VALUES (?, 'login_failed', ?) RETURNING id",
    )
      .bind(at, `aged-${days}`)
      .first<{ id: number }>();
    return r!.id;
  };
  const exists = async (id: number) => (await count("security_log", "id = ?", id)) === 1;

  it("the default is 400 days", async () => {
    expect(await env.DB.prepare("SELECT days FROM log_retention").first("days")).toBe(400);
  });

  it("a row younger than 400 days cannot be deleted; an older one can", async () => {
    const young = [await insertAged(399), await insertAged(400 - 1 / 24)]; // 399 days; 400 days less an hour
    const old = [await insertAged(400 + 1 / 24), await insertAged(401)]; // 400 days and an hour; 401 days
    for (const id of young)
      await expect(env.DB.prepare("DELETE FROM security_log WHERE id = ?").bind(id).run()).rejects.toThrow(
        /append-only/,
      );
    for (const id of old) await env.DB.prepare("DELETE FROM security_log WHERE id = ?").bind(id).run();
    expect(await Promise.all(young.map(exists))).toEqual([true, true]);
    expect(await Promise.all(old.map(exists))).toEqual([false, false]);
  });

  it("the scheduled cleanup deletes exactly the rows past the age", async () => {
    const ids = {
      10: await insertAged(10),
      399: await insertAged(399),
      401: await insertAged(401),
      900: await insertAged(900),
    };
    const before = await count("security_log");
    const pending: Promise<unknown>[] = [];
    const ctx = { waitUntil: (p: Promise<unknown>) => pending.push(p), passThroughOnException: () => {} };
    await worker.scheduled({} as ScheduledController, env, ctx as unknown as ExecutionContext);
    await Promise.all(pending);
    // 2 of the 4 are over 400 days old.
    expect(await count("security_log")).toBe(before - 2);
    expect([await exists(ids[10]), await exists(ids[399]), await exists(ids[401]), await exists(ids[900])]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(await cleanSecurityLog(getDb(env))).toBe(0);
  });

  it("a longer configured retention protects more; it cannot be set under 30 days", async () => {
    const id = await insertAged(500);
    await env.DB.prepare("UPDATE log_retention SET days = 730").run();
    try {
      await expect(env.DB.prepare("DELETE FROM security_log WHERE id = ?").bind(id).run()).rejects.toThrow(
        /append-only/,
      );
      await expect(env.DB.prepare("UPDATE log_retention SET days = 1").run()).rejects.toThrow(/CHECK/);
    } finally {
      await env.DB.prepare("UPDATE log_retention SET days = 400").run();
    }
  });
});
