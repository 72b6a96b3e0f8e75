import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { BASE, PASSWORD, call, count, createUser, login } from "../helpers";

// https on this machine: the test pool's clock seam refuses any other host (src/http/clock.ts).
const HTTPS = "https://localhost";

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Plants a session row with chosen timestamps and returns its cookie, as if issued long ago. */
async function plantSession(userId: number, t: { createdAt: string; lastSeenAt: string; expiresAt: string }) {
  const token = crypto.randomUUID().replaceAll("-", "");
  await env.DB.prepare(
    "INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
  )
    .bind(await sha256Hex(token), userId, t.createdAt, t.lastSeenAt, t.expiresAt)
    .run();
  return `session=${token}`;
}
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const whoAmI = (cookie: string) => call("/api/v1/parcels?limit=1", { headers: { Cookie: cookie } });

describe("session cookie", () => {
  it("on plain http (dev) is named session: HttpOnly, SameSite=Lax, not Secure, for 7 days", async () => {
    const { username } = await createUser("viewer");
    const res = await call("/api/v1/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^session=[0-9a-f]{64}; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain("Max-Age=604800");
    expect(cookie).not.toContain("Secure");
  });

  it("on https is __Host-session: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain; the plain name is ignored there", async () => {
    const { username } = await createUser("viewer");
    const res = await exports.default.fetch(
      new Request(`${HTTPS}/api/v1/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username, password: PASSWORD }),
      }),
    );
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^__Host-session=[0-9a-f]{64}; /);
    for (const part of ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"]) expect(cookie).toContain(part);
    expect(cookie).not.toMatch(/Domain=/i);
    const token = cookie.split(";")[0].split("=")[1];
    const get = (c: string) =>
      exports.default.fetch(new Request(`${HTTPS}/api/v1/parcels?limit=1`, { headers: { Cookie: c } }));
    expect((await get(`__Host-session=${token}`)).status).toBe(200);
    expect((await get(`session=${token}`)).status).toBe(401);
  });
});

describe("session lifetime", () => {
  it("clears a user's dead sessions (expired, or idle 8 hours) when they log in again, and only those", async () => {
    const { id, username } = await createUser("viewer");
    const expired = await plantSession(id, { createdAt: ago(8 * DAY), lastSeenAt: ago(HOUR), expiresAt: ago(60_000) });
    const idle = await plantSession(id, {
      createdAt: ago(9 * HOUR),
      lastSeenAt: ago(8 * HOUR + 60_000),
      expiresAt: ahead(DAY),
    });
    const live = await plantSession(id, { createdAt: ago(HOUR), lastSeenAt: ago(60_000), expiresAt: ahead(DAY) });
    expect(await count("sessions", "user_id = ?", id)).toBe(3);
    await login(username);
    // The expired and the idle ones are gone, the live one stays, the new one is added: 1 + 1.
    expect(await count("sessions", "user_id = ?", id)).toBe(2);
    expect((await whoAmI(live)).status).toBe(200);
    for (const dead of [expired, idle]) expect((await whoAmI(dead)).status).toBe(401);
  });

  it("ends after 8 idle hours", async () => {
    const { id } = await createUser("viewer");
    const idle = await plantSession(id, {
      createdAt: ago(9 * HOUR),
      lastSeenAt: ago(8 * HOUR + 60_000),
      expiresAt: ahead(6 * DAY),
    });
    const fresh = await plantSession(id, {
      createdAt: ago(9 * HOUR),
      lastSeenAt: ago(7 * HOUR + 59 * 60_000),
      expiresAt: ahead(6 * DAY),
    });
    expect((await whoAmI(idle)).status).toBe(401);
    expect((await whoAmI(fresh)).status).toBe(200);
  });

  it("keeps an active session alive by touching it, but not past 7 days from login", async () => {
    const { id } = await createUser("viewer");
    const old = await plantSession(id, {
      createdAt: ago(7 * DAY + 60_000),
      lastSeenAt: ago(60_000),
      expiresAt: ago(60_000),
    });
    const young = await plantSession(id, { createdAt: ago(6 * DAY), lastSeenAt: ago(2 * HOUR), expiresAt: ahead(DAY) });
    expect((await whoAmI(old)).status).toBe(401);
    expect((await whoAmI(young)).status).toBe(200);
    const touched = await env.DB.prepare("SELECT last_seen_at FROM sessions WHERE id = ?")
      .bind(await sha256Hex(young.split("=")[1]))
      .first<{ last_seen_at: string }>();
    expect(Date.now() - Date.parse(touched!.last_seen_at)).toBeLessThan(60_000);
  });

  it("stores only a hash of the token", async () => {
    const { id, username } = await createUser("viewer");
    const token = (await login(username)).split("=")[1];
    expect(await count("sessions", "user_id = ? AND id = ?", id, token)).toBe(0);
    expect(await count("sessions", "user_id = ? AND id = ?", id, await sha256Hex(token))).toBe(1);
  });
});

describe("session rotation and logout", () => {
  it("issues a new session id at every login and ends the one the browser brought", async () => {
    const { id, username } = await createUser("officer");
    const first = await login(username);
    const res = await call("/api/v1/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: first },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    const second = (res.headers.get("Set-Cookie") ?? "").split(";")[0];
    expect(second).not.toBe(first);
    expect((await whoAmI(first)).status).toBe(401);
    expect((await whoAmI(second)).status).toBe(200);
    expect(await count("sessions", "user_id = ?", id)).toBe(1);
  });

  it("POST /logout deletes the session server-side, so a copied cookie stops working", async () => {
    const { id, username } = await createUser("viewer");
    const cookie = await login(username);
    const res = await call("/logout", {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: BASE },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/login");
    expect(res.headers.get("Set-Cookie")).toMatch(/^session=; Max-Age=0/);
    expect(await count("sessions", "user_id = ?", id)).toBe(0);
    expect((await whoAmI(cookie)).status).toBe(401);
  });

  it("DELETE /api/v1/session answers 204 and deletes the session server-side", async () => {
    const { id, username } = await createUser("viewer");
    const cookie = await login(username);
    const res = await call("/api/v1/session", { method: "DELETE", headers: { Cookie: cookie } });
    expect(res.status).toBe(204);
    expect(await count("sessions", "user_id = ?", id)).toBe(0);
    expect((await whoAmI(cookie)).status).toBe(401);
  });
});
