import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { PASSWORD, call, count, createUser, login, session } from "../helpers";
import { canRead, fresh, post, tryLogin, userRow, type Fields } from "./security-admin-helpers";

describe("/admin/users/:id actions", () => {
  it("sets a role, effective on the user's live session, logged with from and to", async () => {
    const admin = await session("admin");
    const target = await session("viewer");
    expect((await target.json("POST", "/api/v1/parcels", {})).status).toBe(403);
    const res = await post(`/admin/users/${target.id}/role`, admin.cookie, { role: "officer" });
    expect(res.status).toBe(303);
    expect((await userRow(target.id))!.role).toBe("officer");
    expect((await target.json("POST", "/api/v1/parcels", {})).status).toBe(422);
    const log = await env.DB.prepare(
      "SELECT detail FROM security_log WHERE kind = 'user_role_changed' AND subject_id = ?",
    )
      .bind(target.id)
      .first<{ detail: string }>();
    expect(JSON.parse(log!.detail)).toEqual({ from: "viewer", to: "officer" });
  });

  it("refuses an unknown role, and any change to the admin's own account, with 422 and nothing written", async () => {
    const admin = await session("admin");
    const target = await createUser("lead");
    const logged = await count("security_log", "kind = 'user_role_changed'");
    const bad = await post(`/admin/users/${target.id}/role`, admin.cookie, { role: "root" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain(`id="u${target.id}-role-error">不是可选的值<`);
    const self = await post(`/admin/users/${admin.id}/role`, admin.cookie, { role: "viewer" });
    expect(self.status).toBe(422);
    expect(await self.text()).toContain("不能修改或停用自己的账户");
    const selfOff = await post(`/admin/users/${admin.id}/deactivate`, admin.cookie);
    expect(selfOff.status).toBe(422);
    expect((await userRow(target.id))!.role).toBe("lead");
    expect(await userRow(admin.id)).toMatchObject({ role: "admin", active: 1 });
    expect(
      await count("security_log", "kind IN ('user_role_changed', 'user_deactivated') AND actor_id = ?", admin.id),
    ).toBe(0);
    expect(await count("security_log", "kind = 'user_role_changed'")).toBe(logged);
  });

  it("resets a password: the old one stops working and every session of that user ends", async () => {
    const admin = await session("admin");
    const target = await session("officer");
    const res = await post(`/admin/users/${target.id}/password`, admin.cookie, { password: "xin-mima-2023-07" });
    expect(res.status).toBe(303);
    expect(await canRead(target.cookie)).toBe(401);
    expect(await count("sessions", "user_id = ?", target.id)).toBe(0);
    expect((await tryLogin(target.username, PASSWORD)).status).toBe(401);
    expect((await tryLogin(target.username, "xin-mima-2023-07")).status).toBe(200);
    expect(
      await count(
        "security_log",
        "kind = 'user_password_reset' AND subject_id = ? AND actor_id = ?",
        target.id,
        admin.id,
      ),
    ).toBe(1);
  });

  it("refuses a short new password with 422 beside the field; the old password and sessions stay", async () => {
    const admin = await session("admin");
    const target = await session("officer");
    const before = await userRow(target.id);
    const res = await post(`/admin/users/${target.id}/password`, admin.cookie, { password: "short-pw" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(`id="u${target.id}-password-error">过短，至少 10 个字符<`);
    expect(await userRow(target.id)).toEqual(before);
    expect(await canRead(target.cookie)).toBe(200);
  });

  it("deactivates: the user's sessions end at once and the right password no longer logs in; reactivation restores login", async () => {
    const admin = await session("admin");
    const target = await session("officer");
    const second = await login(target.username);
    expect(await canRead(target.cookie)).toBe(200);
    expect((await post(`/admin/users/${target.id}/deactivate`, admin.cookie)).status).toBe(303);
    expect(await canRead(target.cookie)).toBe(401);
    expect(await canRead(second)).toBe(401);
    expect(await count("sessions", "user_id = ?", target.id)).toBe(0);
    expect((await tryLogin(target.username, PASSWORD)).status).toBe(401);
    expect((await post(`/admin/users/${target.id}/reactivate`, admin.cookie)).status).toBe(303);
    expect((await tryLogin(target.username, PASSWORD)).status).toBe(200);
    const kinds = await env.DB.prepare("SELECT kind FROM security_log WHERE subject_id = ? ORDER BY id")
      .bind(target.id)
      .all<{ kind: string }>();
    expect(kinds.results.map((r) => r.kind)).toEqual(["user_deactivated", "user_reactivated"]);
  });

  it("answers 404 for a user that does not exist or a malformed id", async () => {
    const admin = await session("admin");
    for (const path of ["/admin/users/999999/role", "/admin/users/abc/password", "/admin/users/0/deactivate"])
      expect((await post(path, admin.cookie, { role: "viewer", password: "long-enough-pw" })).status, path).toBe(404);
  });
});

describe("/admin access", () => {
  it("is for admins only: 403 for every other role (nothing written), login for the anonymous", async () => {
    const target = await createUser("viewer");
    const paths: [string, Fields][] = [
      ["/admin/users", { username: fresh(), displayName: "某人", role: "admin", password: "long-enough-pw" }],
      [`/admin/users/${target.id}/role`, { role: "admin" }],
      [`/admin/users/${target.id}/password`, { password: "long-enough-pw" }],
      [`/admin/users/${target.id}/deactivate`, {}],
    ];
    const users = await count("users");
    for (const role of ["viewer", "lead", "officer"] as const) {
      const s = await session(role);
      expect((await call("/admin/users", { headers: { Cookie: s.cookie } })).status, role).toBe(403);
      for (const [path, fields] of paths)
        expect((await post(path, s.cookie, fields)).status, `${role} ${path}`).toBe(403);
    }
    for (const [path, fields] of paths) {
      const res = await post(path, "", fields);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("Location")).toMatch(/^\/login\?next=/);
    }
    expect(await count("users")).toBe(users + 3);
    expect(await userRow(target.id)).toMatchObject({ role: "viewer", active: 1 });
  });

  it("refuses an admin's form posted from another site, creating nothing", async () => {
    const admin = await session("admin");
    const username = fresh();
    const res = await post(
      "/admin/users",
      admin.cookie,
      { username, displayName: "钓鱼", role: "admin", password: "long-enough-pw" },
      { Origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect(await count("users", "username = ?", username)).toBe(0);
  });

  it("shows 管理 in the navigation to admins only, and /admin leads to the user list", async () => {
    const admin = await session("admin");
    const officer = await session("officer");
    expect(await (await call("/", { headers: { Cookie: admin.cookie } })).text()).toContain(
      '<a href="/admin">管理</a>',
    );
    expect(await (await call("/", { headers: { Cookie: officer.cookie } })).text()).not.toContain('href="/admin"');
    const res = await call("/admin", { redirect: "manual", headers: { Cookie: admin.cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/admin/users");
  });
});
