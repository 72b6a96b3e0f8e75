import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import type { AppEnv, Role } from "../../src/env";
import { ROUTE_POLICY, enforcePolicy, type Policy } from "../../src/http/policy";
import { BASE, call, session } from "../helpers";

const ROLES: Role[] = ["viewer", "lead", "officer", "admin"];
type Who = Role | "anonymous";

/** Every endpoint the app serves, as the policy table keys them ("METHOD /path"). */
function endpoints(): string[] {
  const keys = app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)].sort();
}

function expected(policy: Policy, who: Who): "pass" | "unauthenticated" | "forbidden" {
  if (policy === "public") return "pass";
  if (who === "anonymous") return "unauthenticated";
  return policy === "authenticated" || policy.includes(who) ? "pass" : "forbidden";
}

/**
 * What the route table made of a request. The table's refusals look like this: 403; for the API a
 * 401; for pages a 303 to /login?next=. Anything else (a 404 for the made-up id, a 422 for the empty
 * body, a handler's own 401 for wrong credentials) means the request got past the table.
 */
function verdict(path: string, res: Response): "pass" | "unauthenticated" | "forbidden" {
  if (res.status === 403) return "forbidden";
  if (path.startsWith("/api/") && res.status === 401) return "unauthenticated";
  if (res.status === 303 && (res.headers.get("Location") ?? "").startsWith("/login?next=")) return "unauthenticated";
  return "pass";
}

/** A harmless request for the endpoint: a made-up id for every parameter, an empty body. */
function request(key: string, cookie: string | null): Promise<Response> {
  const [method, pattern] = key.split(" ");
  const path = pattern.replace(/:[A-Za-z0-9_]+(\{[^}]*\})?/g, "999999999");
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  let body: string | undefined;
  if (method !== "GET" && method !== "DELETE") {
    const api = path.startsWith("/api/");
    headers["Content-Type"] = api ? "application/json" : "application/x-www-form-urlencoded";
    headers.Origin = BASE;
    body = api ? "{}" : "";
  }
  return call(path, { method, headers, body, redirect: "manual" });
}

describe("deny by default", () => {
  it("declares a policy for every route the app serves", () => {
    const missing = endpoints().filter((k) => !(k in ROUTE_POLICY));
    expect(missing).toEqual([]);
    expect(endpoints().length).toBeGreaterThan(20);
  });

  it("answers every route × role as the table says", async () => {
    const cookies = new Map<Who, string | null>([["anonymous", null]]);
    for (const role of ROLES) cookies.set(role, (await session(role)).cookie);
    const wrong: string[] = [];
    for (const key of endpoints()) {
      for (const who of ["anonymous", ...ROLES] as Who[]) {
        const path = key.split(" ")[1];
        const res = await request(key, cookies.get(who)!);
        const want = expected(ROUTE_POLICY[key], who);
        const got = verdict(path, res);
        if (got !== want) wrong.push(`${key} as ${who}: expected ${want}, got ${got} (${res.status})`);
        // A handler that answers without authorize() is replaced by a 500 (http/policy.ts): none may.
        if (res.status >= 500) wrong.push(`${key} as ${who}: ${res.status}`);
        // Logging out (or in) ended this session: start another so the walk goes on as that role.
        if (res.headers.get("Set-Cookie") && who !== "anonymous") cookies.set(who, (await session(who)).cookie);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000); // every route × role, 5 requests a route: on a shared 2-core machine the walk outgrows 30 s

  it("keeps the table itself sane: few public routes, /admin for admins, viewers never write", () => {
    const entries = Object.entries(ROUTE_POLICY);
    // A new public route must be added here on purpose: everything else needs a session.
    expect(
      entries
        .filter(([, p]) => p === "public")
        .map(([k]) => k)
        .sort(),
    ).toEqual([
      "DELETE /api/v1/session",
      "GET /assets/:file",
      "GET /healthz",
      "GET /login",
      "POST /api/v1/session",
      "POST /login",
      "POST /logout",
    ]);
    for (const [key, policy] of entries) {
      if (key.split(" ")[1].startsWith("/admin")) expect(policy, key).toEqual(["admin"]);
      if (!key.startsWith("GET ") && policy !== "public")
        expect(policy === "authenticated" || policy.includes("viewer"), key).toBe(false);
    }
  });

  it("refuses a route missing from the table to everyone, admins included", async () => {
    const probe = new Hono<AppEnv>();
    probe.use(async (c, next) => {
      const role = c.req.header("X-Role") as Role | undefined;
      c.set("user", role ? { id: 1, username: "probe", displayName: "probe", role } : null);
      c.set("sessionId", role ? "probe-session" : null);
      c.set("lang", "zh-CN");
      await next();
    });
    probe.use(enforcePolicy);
    probe.get("/not-in-the-table", (c) => c.text("leaked"));
    for (const role of ROLES) {
      const res = await probe.request("/not-in-the-table", { headers: { "X-Role": role } }, env);
      expect(res.status, role).toBe(403);
    }
    expect((await probe.request("/not-in-the-table", {}, env)).status).toBe(303);
  });
});
