import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, count, createUser, session } from "../helpers";
import { fresh, post, tryLogin, userRow, type Fields } from "./security-admin-helpers";

describe("/admin/users: create", () => {
  it("creates an account that can log in, hashed, and logs who did it", async () => {
    const admin = await session("admin");
    const username = fresh();
    const res = await post("/admin/users", admin.cookie, {
      username,
      displayName: "张伟",
      role: "officer",
      password: "qiang-mima-2023",
    });
    expect(res.status).toBe(303);
    const row = await env.DB.prepare(
      "SELECT id, display_name, role, active, password_hash FROM users WHERE username = ?",
    )
      .bind(username)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({ display_name: "张伟", role: "officer", active: 1 });
    expect(String(row!.password_hash)).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(res.headers.get("Location")).toBe(`/admin/users?done=user_created&user=${row!.id}`);
    expect((await tryLogin(username, "qiang-mima-2023")).status).toBe(200);
    expect(
      await count("security_log", "kind = 'user_created' AND actor_id = ? AND subject_name = ?", admin.id, username),
    ).toBe(1);
    const page = await (await call(res.headers.get("Location")!, { headers: { Cookie: admin.cookie } })).text();
    expect(page).toContain(`已创建用户 ${username}`);
  });

  it.each([
    [
      "a 9-character password",
      { displayName: "李娜", role: "viewer", password: "123456789" },
      "password",
      "过短，至少 10 个字符",
    ],
    ["a blank name", { displayName: "  ", role: "viewer", password: "long-enough-pw" }, "displayName", "必填"],
    ["no role", { displayName: "李娜", role: "", password: "long-enough-pw" }, "role", "必填"],
    ["an unknown role", { displayName: "李娜", role: "superuser", password: "long-enough-pw" }, "role", "不是可选的值"],
    [
      "a username with spaces",
      { username: "li na", displayName: "李娜", role: "viewer", password: "long-enough-pw" },
      "username",
      "只能使用字母、数字和 . _ -",
    ],
  ])(
    "refuses %s with 422, the message beside the field, what was typed kept, nothing written",
    async (_what, fields, field, message) => {
      const admin = await session("admin");
      const typed: Fields = { username: fresh(), ...fields };
      const users = await count("users");
      const logged = await count("security_log", "kind = 'user_created'");
      const res = await post("/admin/users", admin.cookie, typed);
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toMatch(new RegExp(`id="new-user-${field}-error">${message}<`));
      expect(html).toContain(`aria-invalid="true"`);
      expect(html).toContain(`value="${typed.username}"`);
      if (typed.displayName.trim()) expect(html).toContain(`value="${typed.displayName}"`);
      expect(html).not.toContain(`value="${typed.password}"`);
      expect(await count("users")).toBe(users);
      expect(await count("security_log", "kind = 'user_created'")).toBe(logged);
    },
  );

  it("refuses a username that exists with 422 and keeps the first account as it was", async () => {
    const admin = await session("admin");
    const existing = await createUser("viewer");
    const before = await userRow(existing.id);
    const res = await post("/admin/users", admin.cookie, {
      username: existing.username,
      displayName: "重名",
      role: "admin",
      password: "long-enough-pw",
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("该用户名已存在");
    expect(await userRow(existing.id)).toEqual(before);
  });

  it("answers htmx with the panel alone: 200 with a notice, 422 with the errors", async () => {
    const admin = await session("admin");
    const username = fresh();
    const ok = await post(
      "/admin/users",
      admin.cookie,
      { username, displayName: "王芳", role: "lead", password: "long-enough-pw" },
      { "HX-Request": "true" },
    );
    expect(ok.status).toBe(200);
    const html = await ok.text();
    expect(html.startsWith('<section id="admin-users">')).toBe(true);
    expect(html).toContain(`已创建用户 ${username}`);
    const bad = await post(
      "/admin/users",
      admin.cookie,
      { username: fresh(), displayName: "王芳", role: "lead", password: "short" },
      { "HX-Request": "true" },
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/^<section id="admin-users">[\s\S]*过短，至少 10 个字符/);
  });

  it("escapes what an admin typed wherever it is shown", async () => {
    const admin = await session("admin");
    const res = await post("/admin/users", admin.cookie, {
      username: fresh(),
      displayName: `<script>alert("x")</script>`,
      role: "viewer",
      password: "long-enough-pw",
    });
    const page = await (await call(res.headers.get("Location")!, { headers: { Cookie: admin.cookie } })).text();
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).not.toContain(`<script>alert("x")`);
  });
});
