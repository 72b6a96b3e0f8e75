import { describe, expect, it } from "vitest";
import { safeNext } from "../../src/auth/pages";
import { BASE, call, createUser, PASSWORD } from "../helpers";
import { one } from "../html";

// Return addresses after login (issue 11): each hostile `next` ends on a page of this site, no 5xx.
const HOSTILE = [
  "/%09/evil.example", // a tab, which URL parsers drop: "/\t/evil.example" would become //evil.example
  "//evil.example", // protocol-relative
  "/%5Cevil.example", // "/\evil.example": browsers read the backslash as a slash
  "/\\evil.example", // the same, sent raw
  "https://evil.example",
  "/%0d%0aSet-Cookie:x=1", // CR LF: would split the Location header (was a 500 carrying the new session)
];

async function formLogin(query: string) {
  const { username } = await createUser("viewer");
  return call(`/login?next=${query}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE },
    body: new URLSearchParams({ username, password: PASSWORD }).toString(),
  });
}

describe("next after login", () => {
  it.each(HOSTILE)("POST /login?next=%s goes home on this site, no injected cookie", async (next) => {
    const res = await formLogin(next);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/");
    // The session, its role hint (src/http/cookies.ts) and the device cookie (src/auth/device.ts), nothing else:
    // no injected cookie.
    const cookies = res.headers.getSetCookie();
    expect(cookies.map((c) => c.split("=")[0])).toEqual(["session", "role", "device"]);
    // Following it lands on this site's home page, signed in.
    const home = await call(res.headers.get("Location")!, { headers: { Cookie: cookies[0].split(";")[0] } });
    expect(home.status).toBe(200);
  });

  it.each(HOSTILE)("GET /login?next=%s renders a form that posts back with next=/", async (next) => {
    const res = await call(`/login?next=${next}`);
    expect(res.status).toBe(200);
    const form = await one(await res.text(), "form.login");
    expect(form.attrs.action).toBe("/login?next=%2F");
  });

  it("keeps a same-site path with its query", async () => {
    const res = await formLogin(encodeURIComponent("/parcels?state=approved&q=凤桥"));
    expect(res.status).toBe(303);
    const location = res.headers.get("Location")!;
    // Re-serialised by URL: the Chinese is percent-encoded (凤 = E5 87 A4, 桥 = E6 A1 A5).
    expect(location).toBe("/parcels?state=approved&q=%E5%87%A4%E6%A1%A5");
    expect(new URL(location, BASE).origin).toBe(BASE);
  });

  it.each([
    [undefined, "/"],
    ["", "/"],
    ["parcels", "/"],
    ["/parcels/7#events", "/parcels/7#events"],
    ["/a\u0000b", "/"],
    ["/\u0085x", "/"],
    ["/..//evil.example", "/"], // dot segments resolve to the path //evil.example: another host to a browser
    ["/./%2e/evil.example", "/evil.example"], // dot segments that stay on the site
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"], // an encoded slash stays a path character
  ])("safeNext(%j) → %s", (next, expected) => {
    expect(safeNext(next, BASE)).toBe(expected);
  });
});
