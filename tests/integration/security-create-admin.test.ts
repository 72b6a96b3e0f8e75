import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { adminSql, randomPassword } from "../../scripts/lib/admin-sql";
import { call, count, createUser, login } from "../helpers";

/** What `wrangler d1 execute DB --remote --file admin.sql` does with the script's output. */
async function execute(statements: string[]) {
  await env.DB.batch(statements.map((s) => env.DB.prepare(s)));
}
const logIn = (username: string, password: string) =>
  call("/api/v1/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": "192.0.2.200" },
    body: JSON.stringify({ username, password }),
  });

describe("first admin on a deployed database (scripts/create-admin.ts)", () => {
  it("prints SQL that creates an admin who can log in and open /admin/users, and logs it", async () => {
    const password = randomPassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    await execute(await adminSql({ username: "wang.qiang", displayName: "王强's 账户", password, reset: false }));
    const res = await logIn("wang.qiang", password);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      user: { username: "wang.qiang", displayName: "王强's 账户", role: "admin" },
    });
    const cookie = (res.headers.get("Set-Cookie") ?? "").split(";")[0];
    expect((await call("/admin/users", { headers: { Cookie: cookie } })).status).toBe(200);
    expect(
      await count("security_log", "kind = 'user_created' AND subject_name = 'wang.qiang' AND subject_id IS NOT NULL"),
    ).toBe(1);
  });

  it("refuses to overwrite an existing account without --reset", async () => {
    const { username } = await createUser("viewer");
    await expect(
      execute(await adminSql({ username, displayName: "x", password: "long-enough-pw", reset: false })),
    ).rejects.toThrow(/UNIQUE/);
    expect(await count("users", "username = ? AND role = 'viewer'", username)).toBe(1);
  });

  it("with --reset restores a locked-out account as an active admin with a new password and no old sessions", async () => {
    const { id, username } = await createUser("officer");
    const old = await login(username);
    await env.DB.prepare("UPDATE users SET active = 0 WHERE id = ?").bind(id).run();
    await execute(await adminSql({ username, displayName: "ignored", password: "xin-de-mima-2023", reset: true }));
    expect((await call("/api/v1/parcels?limit=1", { headers: { Cookie: old } })).status).toBe(401);
    expect(await count("sessions", "user_id = ?", id)).toBe(0);
    expect((await logIn(username, "xin-de-mima-2023")).status).toBe(200);
    expect(await count("users", "id = ? AND role = 'admin' AND active = 1", id)).toBe(1);
    expect(await count("security_log", "kind = 'user_password_reset' AND subject_id = ?", id)).toBe(1);
  });

  it("applies the /admin/users rules: a short password or a bad username is refused before any SQL", async () => {
    await expect(adminSql({ username: "ok.name", displayName: "x", password: "short", reset: false })).rejects.toThrow(
      "password: Too short: at least 10 characters",
    );
    await expect(
      adminSql({ username: "bad name'; --", displayName: "x", password: "long-enough-pw", reset: false }),
    ).rejects.toThrow("username: Letters, digits and . _ - only");
  });
});
