import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BASE, PASSWORD, call, count, createUser } from "../helpers";

let octet = 0;
/** A fresh client address per test, so one test's lock never touches another. */
const address = () => `203.0.113.${++octet}`;

const apiLogin = (username: string, password: string, ip: string) =>
  call("/api/v1/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
    body: JSON.stringify({ username, password }),
  });

const formLogin = (username: string, password: string, ip: string) =>
  call("/login", {
    method: "POST",
    redirect: "manual",
    headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": ip },
    body: new URLSearchParams({ username, password }).toString(),
  });

async function fail(username: string, ip: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await apiLogin(username, "wrong-password-!", ip)).status);
  return statuses;
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe("login throttling", () => {
  it("locks a username after a sixth failure within 15 minutes, the right password included, from any address", async () => {
    const { username } = await createUser("officer");
    const ip = address();
    expect(await fail(username, ip, 5)).toEqual([401, 401, 401, 401, 401]);
    const sixth = await apiLogin(username, "wrong-password-!", ip);
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get("Retry-After")).toBe("900");
    expect(await sixth.json()).toMatchObject({
      error: "too_many_attempts",
      message: "登录失败次数过多，已暂时锁定，请 15 分钟后再试",
    });
    const right = await apiLogin(username, PASSWORD, ip);
    expect(right.status).toBe(429);
    expect(right.headers.get("Set-Cookie")).toBeNull();
    expect((await apiLogin(username, PASSWORD, address())).status).toBe(429);
    const lock = await env.DB.prepare("SELECT locked_until FROM login_locks WHERE key = ?")
      .bind(`user:${username}`)
      .first<{ locked_until: string }>();
    const remaining = Date.parse(lock!.locked_until) - Date.now();
    expect(remaining).toBeGreaterThan(14 * 60_000);
    expect(remaining).toBeLessThanOrEqual(15 * 60_000);
  });

  it("lets five failures pass, and a success forgives them", async () => {
    const { username } = await createUser("viewer");
    const ip = address();
    expect(await fail(username, ip, 5)).toEqual([401, 401, 401, 401, 401]);
    expect((await apiLogin(username, PASSWORD, ip)).status).toBe(200);
    expect(await fail(username, ip, 5)).toEqual([401, 401, 401, 401, 401]);
    expect((await apiLogin(username, PASSWORD, ip)).status).toBe(200);
  });

  it("counts failures over a sliding 15 minutes: older ones are forgotten, 14-minute-old ones are not", async () => {
    const old = await createUser("viewer");
    const recent = await createUser("viewer");
    const insert = env.DB.prepare("INSERT INTO login_failures (key, at) VALUES (?, ?)");
    await env.DB.batch([
      ...Array.from({ length: 5 }, () => insert.bind(`user:${old.username}`, minutesAgo(16))),
      ...Array.from({ length: 5 }, () => insert.bind(`user:${recent.username}`, minutesAgo(14))),
    ]);
    expect(await fail(old.username, address(), 1)).toEqual([401]);
    expect((await apiLogin(old.username, PASSWORD, address())).status).toBe(200);
    expect(await fail(recent.username, address(), 1)).toEqual([429]);
    expect((await apiLogin(recent.username, PASSWORD, address())).status).toBe(429);
  });

  it("ends the lock after its 15 minutes", async () => {
    const { username } = await createUser("lead");
    const ip = address();
    expect(await fail(username, ip, 6)).toEqual([401, 401, 401, 401, 401, 429]);
    // Fifteen minutes pass: the lock and the failures behind it both age out.
    // (the sixth failure locked both the username and the (username, address) pair)
    const pair = `pair:${username}|${ip}`;
    await env.DB.batch([
      env.DB.prepare("UPDATE login_locks SET locked_until = ? WHERE key IN (?, ?)").bind(
        minutesAgo(0.1),
        `user:${username}`,
        pair,
      ),
      env.DB.prepare("UPDATE login_failures SET at = ? WHERE key IN (?, ?, ?)").bind(
        minutesAgo(15.1),
        `user:${username}`,
        `ip:${ip}`,
        pair,
      ),
    ]);
    expect((await apiLogin(username, PASSWORD, ip)).status).toBe(200);
  });

  it("locks an address after its 21st failure across usernames, without locking those users elsewhere", async () => {
    const victim = await createUser("officer");
    const ip = address();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push(...(await fail(`nobody-${ip}-${i}`, ip, 1)));
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses[20]).toBe(429);
    expect((await apiLogin(victim.username, PASSWORD, ip)).status).toBe(429);
    expect((await apiLogin(victim.username, PASSWORD, address())).status).toBe(200);
  });

  it("shows the lock on the login page, keeping the username typed", async () => {
    const { username } = await createUser("officer");
    const ip = address();
    for (let i = 0; i < 5; i++) expect((await formLogin(username, "wrong-password-!", ip)).status).toBe(401);
    expect((await formLogin(username, "wrong-password-!", ip)).status).toBe(429);
    const res = await formLogin(username, PASSWORD, address());
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toMatch(/^(89\d|900)$/);
    const html = await res.text();
    expect(html).toContain("登录失败次数过多，已暂时锁定，请 15 分钟后再试");
    expect(html).toContain(`value="${username}"`);
  });

  it("logs successes, failures with the typed name and address, and each lock-out once", async () => {
    const { id, username } = await createUser("viewer");
    const ip = address();
    expect((await apiLogin(username, PASSWORD, ip)).status).toBe(200);
    await fail(username, ip, 8);
    const rows = await env.DB.prepare(
      "SELECT kind, actor_id, actor_name, ip, method, path, detail FROM security_log WHERE actor_name = ? ORDER BY id",
    )
      .bind(username)
      .all<Record<string, unknown>>();
    const kinds = rows.results.map((r) => r.kind);
    // Six failures were checked (the sixth locked the pair and the username: one entry each); the two
    // after it were refused unchecked and unlogged.
    expect(kinds).toEqual(["login_ok", ...Array(6).fill("login_failed"), "login_locked", "login_locked"]);
    expect(rows.results[0]).toMatchObject({ actor_id: id, ip, method: "POST", path: "/api/v1/session" });
    expect(rows.results[1]).toMatchObject({ actor_id: null, ip });
    expect(JSON.parse(String(rows.results[7].detail))).toMatchObject({ by: "pair" });
    expect(JSON.parse(String(rows.results[8].detail))).toMatchObject({ by: "user" });
    expect(await count("security_log", "kind = 'login_failed' AND actor_name = ?", username)).toBe(6);
  });
});
