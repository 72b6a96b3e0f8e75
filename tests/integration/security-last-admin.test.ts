import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { setRoleOp } from "../../src/admin/writes";
import { getDb } from "../../src/db/client";
import { count, createUser, session } from "../helpers";

// The last admin (issue 11): a demotion or deactivation that would leave no active admin is refused
// 409 in Chinese, by a guard inside the same D1 batch as the change.
const onlyTheseAdmins = async (...ids: number[]) =>
  env.DB.prepare(`UPDATE users SET active = 0 WHERE role = 'admin' AND id NOT IN (${ids.join(",")})`).run();
const activeAdmins = () => count("users", "role = 'admin' AND active = 1");

describe("the last active admin", () => {
  it("two admins demoting each other at the same moment, 20 times: an admin always remains", async () => {
    const statuses: number[][] = [];
    for (let run = 0; run < 20; run++) {
      const a = await session("admin");
      const b = await session("admin");
      await onlyTheseAdmins(a.id, b.id);
      const results = await Promise.all([
        a.json("PATCH", `/api/v1/users/${b.id}`, { role: "viewer" }),
        b.json("PATCH", `/api/v1/users/${a.id}`, { role: "viewer" }),
      ]);
      const codes = results.map((r) => r.status).sort();
      statuses.push(codes);
      expect(await activeAdmins(), `run ${run}: ${codes}`).toBeGreaterThanOrEqual(1);
      // One demotion goes through; the other is refused: by the guard (409) if it got that far, or (403)
      // when its admin was already demoted by the time its session was read.
      expect(codes[0], `run ${run}`).toBe(200);
      expect([403, 409], `run ${run}`).toContain(codes[1]);
      for (const r of results)
        if (r.status === 409)
          expect(await r.json()).toMatchObject({
            error: "admin_last_admin",
            message: "不能降级或停用最后一位启用的管理员",
          });
    }
    expect(statuses).toHaveLength(20);
  });

  it("the same race through the browser forms (deactivate each other): an admin remains", async () => {
    for (let run = 0; run < 5; run++) {
      const a = await session("admin");
      const b = await session("admin");
      await onlyTheseAdmins(a.id, b.id);
      const post = (who: typeof a, id: number) => fetchForm(who.cookie, `/admin/users/${id}/deactivate`);
      const res = await Promise.all([post(a, b.id), post(b, a.id)]);
      expect(await activeAdmins()).toBeGreaterThanOrEqual(1);
      expect(res.map((r) => r.status).filter((s) => s === 303)).toHaveLength(1);
    }
  });

  it("the guard itself: demoting the only active admin is 409, nothing written, nothing logged", async () => {
    const sole = await createUser("admin");
    await onlyTheseAdmins(sole.id);
    const officer = await createUser("officer");
    const db = getDb(env);
    const logged = await count("security_log", "subject_id = ?", sole.id);
    const audit = () => db.run("SELECT 1") as never;
    const r = await setRoleOp(db, sole.id, { role: "viewer" }, { id: officer.id, audit });
    expect(r).toEqual({ ok: false, status: 409, issues: [{ path: "_", code: "admin_last_admin" }] });
    expect(await activeAdmins()).toBe(1);
    expect(await count("users", "id = ? AND role = 'admin'", sole.id)).toBe(1);
    expect(await count("security_log", "subject_id = ?", sole.id)).toBe(logged);
  });
});

import { BASE, call } from "../helpers";
function fetchForm(cookie: string, path: string) {
  return call(path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
    body: "",
  });
}
