import { describe, expect, it } from "vitest";
import { call, createUser, PASSWORD } from "../helpers";

// Lock-outs an attacker cannot turn against the owner (issue 11, OWASP's device-cookie scheme): a
// browser that logged in as a user carries a signed device cookie; it is judged only by its own
// counter (locks after its 6th failure), not by the username-wide (6th failure from anywhere) or the
// address-wide (21st failure, any usernames) locks, which bind browsers without that cookie.
let seq = 0;
const address = () => `198.51.100.${++seq}`;

async function attempt(username: string, password: string, ip: string, device?: string) {
  const headers: Record<string, string> = { "Content-Type": "application/json", "CF-Connecting-IP": ip };
  if (device) headers.Cookie = device;
  return call("/api/v1/session", { method: "POST", headers, body: JSON.stringify({ username, password }) });
}
const deviceOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith("device="))
    ?.split(";")[0];

/** The owner's browser: logged in once from its own address, keeping the device cookie. */
async function ownerBrowser(username: string) {
  const ip = address();
  const res = await attempt(username, PASSWORD, ip);
  expect(res.status).toBe(200);
  const device = deviceOf(res)!;
  expect(device).toMatch(/^device=[\w-]+\.[\w-]+\.[\w-]+$/);
  return { ip, device };
}

describe("device cookies", () => {
  it("eight failures for admin from eight other addresses: the owner's browser still logs in, the attacker's stays locked", async () => {
    const { username } = await createUser("admin");
    const owner = await ownerBrowser(username);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await attempt(username, "guess-" + i, address())).status);
    // Failures 1–5 are 401; the 6th exceeds the username's 5 and locks it; 7 and 8 are refused unchecked.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // The attacker's browser (no device cookie), even with the right password: locked.
    expect((await attempt(username, PASSWORD, address())).status).toBe(429);
    // The owner's browser, with its device cookie: in.
    expect((await attempt(username, PASSWORD, owner.ip, owner.device)).status).toBe(200);
  });

  it("a trusted browser is still locked by its own failures: 5 pass, the 6th locks it, the right password included", async () => {
    const { username } = await createUser("officer");
    const owner = await ownerBrowser(username);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(username, "typo-" + i, owner.ip, owner.device)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await attempt(username, PASSWORD, owner.ip, owner.device)).status).toBe(429);
    // Its failures are its own: another browser of the user is not locked by them.
    expect((await attempt(username, PASSWORD, address())).status).toBe(200);
  });

  it("an office address locked by 21 failures binds only browsers without a device cookie", async () => {
    const office = address();
    const colleague = await createUser("viewer");
    const owner = await ownerBrowser(colleague.username);
    const newcomer = await createUser("viewer");
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await attempt(`nobody-${office}-${i}`, "x-password", office)).status);
    // 20 failures are allowed from one address; the 21st locks it.
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await attempt(newcomer.username, PASSWORD, office)).status).toBe(429);
    expect((await attempt(colleague.username, PASSWORD, office, owner.device)).status).toBe(200);
  });

  it("a device cookie counts only for its own user, and only with a valid signature", async () => {
    const a = await createUser("viewer");
    const b = await createUser("viewer");
    const ownerA = await ownerBrowser(a.username);
    for (let i = 0; i < 6; i++) await attempt(b.username, "guess-" + i, address());
    // A's cookie does not exempt a login as B.
    expect((await attempt(b.username, PASSWORD, ownerA.ip, ownerA.device)).status).toBe(429);
    // Tampered: the same cookie with its signature's last character changed.
    for (let i = 0; i < 6; i++) await attempt(a.username, "guess-" + i, address());
    const flipped = ownerA.device.slice(0, -1) + (ownerA.device.endsWith("A") ? "B" : "A");
    expect((await attempt(a.username, PASSWORD, ownerA.ip, flipped)).status).toBe(429);
    // Not a device cookie at all.
    expect((await attempt(a.username, PASSWORD, ownerA.ip, "device=garbage")).status).toBe(429);
    expect((await attempt(a.username, PASSWORD, ownerA.ip, ownerA.device)).status).toBe(200);
  });

  it("the device cookie is HttpOnly, SameSite=Strict, and a year long", async () => {
    const { username } = await createUser("viewer");
    const res = await attempt(username, PASSWORD, address());
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("device="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    // 365 days × 86,400 s = 31,536,000 s.
    expect(cookie).toMatch(/Max-Age=31536000/);
  });
});
