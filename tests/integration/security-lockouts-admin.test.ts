import { describe, expect, it } from "vitest";
import { BASE, call, count, createUser, PASSWORD, session } from "../helpers";
import { select } from "../html";

// Admins see and lift lock-outs (issue 11), each lift logged.
let seq = 0;
const fail = async (username: string, times: number) => {
  for (let i = 0; i < times; i++)
    await call("/api/v1/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": `192.0.2.${++seq}` },
      body: JSON.stringify({ username, password: "wrong-password" }),
    });
};
const apiLogin = (username: string) =>
  call("/api/v1/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": "192.0.2.250" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
const lift = (cookie: string, key: string) =>
  call("/admin/lockouts/lift", {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ key }).toString(),
  });

describe("/admin/lockouts", () => {
  it("lists a lock-out in force, and lifting it lets the user in again, logged", async () => {
    const admin = await session("admin");
    const { username } = await createUser("viewer");
    // Six failures from six addresses: the 6th exceeds the username's limit of 5.
    await fail(username, 6);
    expect((await apiLogin(username)).status).toBe(429);
    const html = await (await call("/admin/lockouts", { headers: { Cookie: admin.cookie } })).text();
    const keys = (await select(html, "form[action='/admin/lockouts/lift'] input[name=key]")).map((i) => i.attrs.value);
    expect(keys).toContain(`user:${username}`);
    const [form] = await select(html, "form[action='/admin/lockouts/lift']");
    expect(form.attrs).toMatchObject({ method: "post", "hx-confirm": "确定解除该锁定？" });
    const res = await lift(admin.cookie, `user:${username}`);
    expect(res.status).toBe(303);
    expect(await count("login_locks", "key = ?", `user:${username}`)).toBe(0);
    expect(await count("login_failures", "key = ?", `user:${username}`)).toBe(0);
    expect(await count("security_log", "kind = 'login_unlocked' AND subject_name = ?", `user:${username}`)).toBe(1);
    expect((await apiLogin(username)).status).toBe(200);
  });

  it("a key not locked is 404 and writes nothing; a viewer 403; no session goes to login", async () => {
    const admin = await session("admin");
    const before = await count("security_log", "kind = 'login_unlocked'");
    expect((await lift(admin.cookie, "user:nobody-locked")).status).toBe(404);
    expect(await count("security_log", "kind = 'login_unlocked'")).toBe(before);
    const viewer = await session("viewer");
    expect((await lift(viewer.cookie, "user:x")).status).toBe(403);
    expect((await call("/admin/lockouts", { headers: { Cookie: viewer.cookie } })).status).toBe(403);
    const anon = await call("/admin/lockouts", { redirect: "manual" });
    expect(anon.status).toBe(303);
    expect(anon.headers.get("Location")).toBe("/login?next=%2Fadmin%2Flockouts");
  });

  it("says so when nothing is locked", async () => {
    const admin = await session("admin");
    const html = await (await call("/admin/lockouts", { headers: { Cookie: admin.cookie } })).text();
    // Other tests' locks may be in force; the page either lists rows or says there are none.
    expect(html.includes("当前没有锁定") || html.includes("解除锁定")).toBe(true);
  });
});
