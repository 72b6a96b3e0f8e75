import { describe, expect, it } from "vitest";
import { BASE, PASSWORD, call, count, createUser, login, newParcel, session } from "../helpers";

const FORM = "application/x-www-form-urlencoded";
const EVIL = "https://evil.example";

describe("CSRF on form routes", () => {
  it("refuses a cross-site login post with 403 and starts no session", async () => {
    const { id, username } = await createUser("viewer");
    const res = await call("/login", {
      method: "POST",
      redirect: "manual",
      headers: { Origin: EVIL, "Content-Type": FORM },
      body: `username=${username}&password=${PASSWORD}`,
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await count("sessions", "user_id = ?", id)).toBe(0);
  });

  it("refuses a cross-site logout with 403 and the session lives on", async () => {
    const { id, username } = await createUser("viewer");
    const cookie = await login(username);
    const variants: Record<string, string>[] = [{ Origin: EVIL }, { "Sec-Fetch-Site": "cross-site" }, {}];
    for (const headers of variants) {
      const res = await call("/logout", {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, "Content-Type": FORM, ...headers },
      });
      expect(res.status).toBe(403);
    }
    expect(await count("sessions", "user_id = ?", id)).toBe(1);
    expect((await call("/api/v1/parcels?limit=1", { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it("accepts the same form from this origin", async () => {
    const { username } = await createUser("viewer");
    const res = await call("/login", {
      method: "POST",
      redirect: "manual",
      headers: { Origin: BASE, "Content-Type": FORM },
      body: `username=${username}&password=${PASSWORD}`,
    });
    expect(res.status).toBe(303);
  });

  it("answers a browser's cross-site refusal with a page, and logs it", async () => {
    const viewer = await session("viewer");
    const res = await call("/logout", {
      method: "POST",
      headers: { Cookie: viewer.cookie, Origin: EVIL, "Content-Type": FORM },
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("当前角色无权执行此操作");
    expect(await count("security_log", "kind = 'forbidden' AND actor_id = ? AND path = '/logout'", viewer.id)).toBe(1);
  });
});

describe("malformed form bodies", () => {
  it("answer 400 with a page, never a 500, and write nothing", async () => {
    const admin = await session("admin");
    const users = await count("users");
    for (const [type, body] of [
      ["multipart/form-data", "--x\r\n"],
      ["multipart/form-data; boundary=x", "garbage"],
    ]) {
      for (const path of ["/login", "/admin/users", "/parcels"]) {
        const res = await call(path, {
          method: "POST",
          redirect: "manual",
          headers: { Cookie: admin.cookie, Origin: BASE, "Content-Type": type },
          body,
        });
        expect(res.status, `${type} ${path}`).toBe(400);
        expect(await res.text()).toContain("请求格式不正确");
      }
    }
    expect(await count("users")).toBe(users);
  });
});

describe("JSON API mutations", () => {
  it("take application/json only: every other body type is 415 and writes nothing", async () => {
    const officer = await session("officer");
    const body = JSON.stringify(newParcel());
    const before = await count("parcels");
    for (const type of [FORM, "multipart/form-data; boundary=x", "text/plain", "application/jsonx", ""]) {
      const headers: Record<string, string> = { Cookie: officer.cookie, Origin: EVIL };
      if (type) headers["Content-Type"] = type;
      const res = await call("/api/v1/parcels", { method: "POST", headers, body });
      expect(res.status, type).toBe(415);
      expect(await res.json()).toMatchObject({ error: "unsupported_media_type" });
    }
    expect(await count("parcels")).toBe(before);
  });

  it("grant no CORS: a cross-site preflight gets no Access-Control-Allow-Origin", async () => {
    const res = await call("/api/v1/parcels", {
      method: "OPTIONS",
      headers: {
        Origin: EVIL,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(res.headers.get("Access-Control-Allow-Credentials")).toBeNull();
  });
});
