import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { call, count, createUser, login, session } from "../helpers";

// The JSON twins of the admin pages (issue 11): the security log with filters, and user admin.
let admin: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  admin = await session("admin");
});

const insertLog = (at: string, kind: string, actor: string) =>
  env.DB.prepare("INSERT INTO security_log (at, kind, actor_name, ip) VALUES (?, ?, ?, '192.0.2.9')")
    .bind(at, kind, actor)
    .run();
type LogPage = { items: { at: string; kind: string; actorName: string }[]; total: number; nextCursor: string | null };
const log = async (qs: string) => (await (await admin.json("GET", `/api/v1/security-log?${qs}`)).json()) as LogPage;

describe("GET /api/v1/security-log", () => {
  it("filters by user and kind, with a total over all pages and a keyset cursor", async () => {
    const who = `api-${crypto.randomUUID().slice(0, 6)}`;
    for (let i = 0; i < 55; i++) await insertLog(`2026-01-05T0${i % 10}:00:00.000Z`, "login_failed", who);
    await insertLog("2026-01-05T10:00:00.000Z", "login_ok", who);
    const first = await log(`user=${who}&kind=login_failed`);
    // 55 entries, 50 a page: 50 now, 5 on the next page.
    expect(first.total).toBe(55);
    expect(first.items).toHaveLength(50);
    const second = await log(`user=${who}&kind=login_failed&before=${first.nextCursor}`);
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect((await log(`user=${who}`)).total).toBe(56);
    expect((await log(`user=${who}&kind=login_ok`)).items.map((e) => e.kind)).toEqual(["login_ok"]);
  });

  it("dates are Beijing days: 15:59:59.999Z is the day before, 16:00Z the day itself", async () => {
    const who = `day-${crypto.randomUUID().slice(0, 6)}`;
    await insertLog("2026-03-01T15:59:59.999Z", "login_ok", who); // 2026-03-01 23:59:59.999 in Beijing
    await insertLog("2026-03-01T16:00:00.000Z", "login_ok", who); // 2026-03-02 00:00 in Beijing
    await insertLog("2026-03-02T15:59:59.999Z", "login_ok", who); // 2026-03-02 23:59:59.999 in Beijing
    await insertLog("2026-03-02T16:00:00.000Z", "login_ok", who); // 2026-03-03 00:00 in Beijing
    const ats = async (qs: string) => (await log(`user=${who}&${qs}`)).items.map((e) => e.at).sort();
    expect(await ats("to=2026-03-01")).toEqual(["2026-03-01T15:59:59.999Z"]);
    expect(await ats("from=2026-03-02&to=2026-03-02")).toEqual([
      "2026-03-01T16:00:00.000Z",
      "2026-03-02T15:59:59.999Z",
    ]);
    expect(await ats("from=2026-03-03")).toEqual(["2026-03-02T16:00:00.000Z"]);
  });

  it("a bad filter is 400 naming the field; no 5xx", async () => {
    for (const qs of ["kind=nope", "from=2026-02-30", "from=2026-03-02&to=2026-03-01", "before=-1"]) {
      const res = await admin.json("GET", `/api/v1/security-log?${qs}`);
      expect(res.status, qs).toBe(400);
    }
    const reversed = (await (await admin.json("GET", "/api/v1/security-log?from=2026-03-02&to=2026-03-01")).json()) as {
      issues: { path: string; message: string }[];
    };
    expect(reversed.issues).toEqual([expect.objectContaining({ path: "to", message: "截止日期早于起始日期" })]);
  });

  it("admins only: viewer 403, no session 401", async () => {
    expect((await (await session("viewer")).json("GET", "/api/v1/security-log")).status).toBe(403);
    expect((await call("/api/v1/security-log")).status).toBe(401);
  });

  it("the page filters the same way and shows the total", async () => {
    const who = `page-${crypto.randomUUID().slice(0, 6)}`;
    await insertLog("2026-01-06T01:00:00.000Z", "login_failed", who);
    const res = await call(`/admin/security-log?user=${who}`, { headers: { Cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("共 1 条");
    expect((await call("/admin/security-log?kind=x", { headers: { Cookie: admin.cookie } })).status).toBe(400);
  });
});

describe("users API", () => {
  const name = () => `u${crypto.randomUUID().slice(0, 8)}`;

  it("GET lists accounts without password hashes", async () => {
    const res = await admin.json("GET", "/api/v1/users");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Record<string, unknown>[] };
    expect(body.items.find((u) => u.id === admin.id)).toMatchObject({
      username: admin.username,
      role: "admin",
      active: true,
    });
    expect(JSON.stringify(body)).not.toContain("password");
  });

  it("POST creates (201), logged; bad input 422 and nothing written; viewer 403; none 401", async () => {
    const username = name();
    const ok = await admin.json("POST", "/api/v1/users", {
      username,
      displayName: "张三",
      role: "viewer",
      password: "long-enough-1",
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ username, role: "viewer", active: true });
    expect(await count("security_log", "kind = 'user_created' AND subject_name = ?", username)).toBe(1);
    const before = await count("users");
    for (const bad of [
      { username: "有空格 x", displayName: "a", role: "viewer", password: "long-enough-1" },
      { username: name(), displayName: "a", role: "root", password: "long-enough-1" },
      { username: name(), displayName: "a", role: "viewer", password: "short" },
      { username, displayName: "a", role: "viewer", password: "long-enough-1" }, // taken
    ])
      expect((await admin.json("POST", "/api/v1/users", bad)).status).toBe(422);
    expect(await count("users")).toBe(before);
    expect((await (await session("viewer")).json("POST", "/api/v1/users", {})).status).toBe(403);
    expect(
      (await call("/api/v1/users", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }))
        .status,
    ).toBe(401);
  });

  it("PATCH sets role, active and password; each logged; the old password stops working", async () => {
    const u = await createUser("viewer");
    const patch = (body: unknown) => admin.json("PATCH", `/api/v1/users/${u.id}`, body);
    expect(await (await patch({ role: "officer" })).json()).toMatchObject({ role: "officer" });
    expect(await (await patch({ active: false })).json()).toMatchObject({ active: false });
    expect(await (await patch({ active: true, password: "brand-new-pass-2" })).json()).toMatchObject({ active: true });
    await expect(login(u.username)).rejects.toThrow(/401/);
    await expect(login(u.username, "brand-new-pass-2")).resolves.toMatch(/^session=/);
    const kinds = await env.DB.prepare("SELECT kind FROM security_log WHERE subject_id = ? ORDER BY id")
      .bind(u.id)
      .all();
    expect(kinds.results.map((r) => r.kind)).toEqual([
      "user_role_changed",
      "user_deactivated",
      "user_reactivated",
      "user_password_reset",
    ]);
  });

  it("PATCH refusals: 422 (nothing, unknown field, bad values, self), 404, 403, 401; nothing written", async () => {
    const u = await createUser("viewer");
    const row = () => env.DB.prepare("SELECT role, active, password_hash FROM users WHERE id = ?").bind(u.id).first();
    const before = await row();
    for (const bad of [{}, { name: "x" }, { role: "root" }, { active: "no" }, { password: "short" }])
      expect((await admin.json("PATCH", `/api/v1/users/${u.id}`, bad)).status, JSON.stringify(bad)).toBe(422);
    expect((await admin.json("PATCH", `/api/v1/users/${admin.id}`, { role: "viewer" })).status).toBe(422);
    expect((await admin.json("PATCH", "/api/v1/users/999999999", { role: "viewer" })).status).toBe(404);
    expect((await admin.json("PATCH", "/api/v1/users/abc", { role: "viewer" })).status).toBe(404);
    expect((await (await session("officer")).json("PATCH", `/api/v1/users/${u.id}`, { role: "admin" })).status).toBe(
      403,
    );
    expect(
      (
        await call(`/api/v1/users/${u.id}`, {
          method: "PATCH",
          headers: { "Content-Type": "application/json" },
          body: "{}",
        })
      ).status,
    ).toBe(401);
    expect(await row()).toEqual(before);
  });
});
