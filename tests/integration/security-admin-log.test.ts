import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, createUser, session } from "../helpers";

const attempt = (username: string, password: string, ip: string) =>
  call("/api/v1/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
    body: JSON.stringify({ username, password }),
  });
const rowsOf = (html: string) =>
  [...html.matchAll(/<tr class="log-([a-z_]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({ kind: m[1], text: m[2] }));

describe("/admin/security-log", () => {
  it("shows a scripted attack run: failed logins, the lock-out and a 403, newest first", async () => {
    const victim = await createUser("officer");
    const ip = "198.51.100.66";
    for (let i = 0; i < 6; i++) await attempt(victim.username, `guess-${i}-password`, ip);
    const intruder = await session("viewer");
    expect((await call("/admin/users", { headers: { Cookie: intruder.cookie, "CF-Connecting-IP": ip } })).status).toBe(
      403,
    );
    const admin = await session("admin");
    const res = await call("/admin/security-log", { headers: { Cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const rows = rowsOf(await res.text());
    const forbidden = rows.findIndex((r) => r.kind === "forbidden" && r.text.includes(intruder.username));
    const locked = rows.findIndex((r) => r.kind === "login_locked" && r.text.includes(victim.username));
    const failed = rows.findIndex((r) => r.kind === "login_failed" && r.text.includes(victim.username));
    expect(forbidden).toBeGreaterThanOrEqual(0);
    expect(locked).toBeGreaterThan(forbidden);
    expect(failed).toBeGreaterThan(locked);
    expect(rows[forbidden].text).toContain("越权访问（403）");
    expect(rows[forbidden].text).toContain("GET /admin/users");
    expect(rows[forbidden].text).toContain(ip);
    expect(rows[locked].text).toContain("登录锁定");
    expect(rows[failed].text).toContain("登录失败");
    expect(rows.filter((r) => r.kind === "login_failed" && r.text.includes(victim.username))).toHaveLength(6);
  });

  it("pages by 50, newest first, with a next link until the end", async () => {
    const admin = await session("admin");
    const insert = env.DB.prepare("INSERT INTO security_log (at, kind, actor_name) VALUES (?, 'login_failed', ?)");
    const names = Array.from({ length: 120 }, (_, i) => `bulk-${String(i + 1).padStart(3, "0")}`);
    await env.DB.batch(names.map((name) => insert.bind(new Date().toISOString(), name)));
    const first = await (await call("/admin/security-log", { headers: { Cookie: admin.cookie } })).text();
    const firstRows = rowsOf(first);
    expect(firstRows).toHaveLength(50);
    expect(firstRows[0].text).toContain("bulk-120");
    expect(firstRows[49].text).toContain("bulk-071");
    const next = first.match(/href="(\/admin\/security-log\?before=\d+)" rel="next"/)?.[1];
    expect(next).toBeDefined();
    const second = rowsOf(await (await call(next!, { headers: { Cookie: admin.cookie } })).text());
    expect(second[0].text).toContain("bulk-070");
    expect(second[49].text).toContain("bulk-021");
  });

  it("answers htmx paging with the table alone", async () => {
    const admin = await session("admin");
    const res = await call("/admin/security-log", { headers: { Cookie: admin.cookie, "HX-Request": "true" } });
    expect(res.status).toBe(200);
    expect((await res.text()).startsWith('<div id="security-log">')).toBe(true);
    expect(res.headers.get("Vary")).toContain("HX-Request");
  });

  it("shows a hostile username escaped", async () => {
    const admin = await session("admin");
    await attempt(`<img src=x onerror=alert(1)>`, "whatever-password", "198.51.100.99");
    const html = await (await call("/admin/security-log", { headers: { Cookie: admin.cookie } })).text();
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img src=x");
  });

  it("is read-only: no method changes it, and only admins read it", async () => {
    const admin = await session("admin");
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const res = await call("/admin/security-log", {
        method,
        headers: {
          Cookie: admin.cookie,
          Origin: "http://127.0.0.1:8787",
          "Content-Type": "application/x-www-form-urlencoded",
        },
      });
      expect(res.status, method).toBe(404);
    }
    for (const role of ["viewer", "lead", "officer"] as const) {
      const s = await session(role);
      expect((await call("/admin/security-log", { headers: { Cookie: s.cookie } })).status, role).toBe(403);
    }
    const anonymous = await call("/admin/security-log", { redirect: "manual" });
    expect(anonymous.status).toBe(303);
  });
});
