import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { STYLE_PATH } from "../../src/assets/style";
import { htmxSource } from "../../src/http/secure-headers";
import { HTMX_CDN_URL, HTMX_SRI } from "../../views/page-context";
import { BASE, call, session } from "../helpers";

// script-src names the one pinned file, never the bare CDN origin (which serves every npm file).
const CDN_ORIGIN = "https://cdn.jsdelivr.net";

/** The CSP as directive → sources. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers.get("Content-Security-Policy") ?? "";
  return new Map(
    header
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...v]) => [name, v]),
  );
}
const nonceOf = (res: Response) =>
  csp(res)
    .get("script-src")
    ?.find((s) => s.startsWith("'nonce-"))
    ?.slice(7, -1);

function expectHardened(res: Response, what: string) {
  const policy = csp(res);
  const scripts = policy.get("script-src") ?? [];
  expect(nonceOf(res), what).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(scripts, what).not.toContain(CDN_ORIGIN);
  expect(
    scripts.filter((s) => !s.startsWith("'nonce-")),
    what,
  ).toEqual([HTMX_CDN_URL]);
  expect(policy.get("style-src"), what).toEqual(["'self'"]);
  expect(policy.get("default-src"), what).toEqual(["'self'"]);
  expect(policy.get("object-src"), what).toEqual(["'none'"]);
  expect(policy.get("base-uri"), what).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(res.headers.get("Content-Security-Policy"), what).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(res.headers.get("Strict-Transport-Security"), what).toBe("max-age=31536000; includeSubDomains");
  expect(res.headers.get("X-Content-Type-Options"), what).toBe("nosniff");
  expect(res.headers.get("Referrer-Policy"), what).toBe("same-origin");
  expect(res.headers.get("X-Frame-Options"), what).toBe("DENY");
}

describe("security headers", () => {
  it("are on every kind of answer: pages, fragments, JSON, redirects, 401/403/404/415/422", async () => {
    const officer = await session("officer");
    const cases: [string, Promise<Response>, number][] = [
      ["login page", call("/login"), 200],
      ["healthz JSON", call("/healthz"), 200],
      ["stylesheet", call(STYLE_PATH), 200],
      ["anonymous redirect", call("/", { redirect: "manual" }), 303],
      ["page 404", call("/no-such-page"), 404],
      ["API 404", call("/api/v1/no-such-thing"), 404],
      ["API 401", call("/api/v1/parcels"), 401],
      ["htmx 401", call("/", { headers: { "HX-Request": "true" } }), 401],
      [
        "cross-site form 403",
        call("/login", {
          method: "POST",
          headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
          body: "username=a&password=b",
        }),
        403,
      ],
      ["home page", call("/", { headers: { Cookie: officer.cookie } }), 200],
      ["home fragment", call("/", { headers: { Cookie: officer.cookie, "HX-Request": "true" } }), 200],
      ["API list", officer.json("GET", "/api/v1/parcels"), 200],
      ["API 415", officer.json("POST", "/api/v1/parcels", undefined, { "Content-Type": "text/plain" }), 415],
      ["API 422", officer.json("POST", "/api/v1/parcels", { code: "" }), 422],
      ["viewer API 403", (await session("viewer")).json("POST", "/api/v1/parcels", {}), 403],
    ];
    for (const [what, pending, status] of cases) {
      const res = await pending;
      expect(res.status, what).toBe(status);
      expectHardened(res, what);
    }
  });

  it("are on a 500 too, rendered by the app's error handler", async () => {
    // The real app with no D1 binding: the session lookup throws, and onError answers.
    const errorOf = async (path: string) =>
      app.request(path, { headers: { Cookie: "session=abc" } }, { ORG_NAME: "测试分局", HTMX_URL: "" });
    const page = await errorOf("/");
    expect(page.status).toBe(500);
    expect(await page.text()).toContain("服务器内部错误");
    expectHardened(page, "page 500");
    const api = await errorOf("/api/v1/parcels");
    expect(api.status).toBe(500);
    expect(await api.json()).toMatchObject({ error: "internal" });
    expectHardened(api, "API 500");
  });

  it("puts the response's nonce on the pinned htmx script, and on no other script or style", async () => {
    const res = await call("/login");
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain(`src="${HTMX_CDN_URL}"`);
    expect(scripts[0]).toContain(`integrity="${HTMX_SRI}"`);
    expect(scripts[0]).toContain(`nonce="${nonceOf(res)}"`);
    // No inline styles, so the CSP needs no 'unsafe-inline' for them.
    expect(html).not.toMatch(/\sstyle=|<style/);
  });

  it("uses a fresh nonce on every response: 20 requests, 20 nonces", async () => {
    const viewer = await session("viewer");
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 ? call("/login") : viewer.json("GET", i % 4 ? "/api/v1/parcels" : "/"),
      ),
    );
    const nonces = new Set(answers.map(nonceOf));
    expect(nonces.size).toBe(20);
    expect([...nonces].every((n) => typeof n === "string" && n.length === 24)).toBe(true);
  });

  it("configures htmx without eval, history cache or injected styles, and only for same-origin requests", async () => {
    const html = await (await call("/login")).text();
    const meta = html.match(/<meta name="htmx-config" content="([^"]*)"/)?.[1] ?? "";
    const config = JSON.parse(meta.replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
    expect(config).toMatchObject({
      allowEval: false,
      includeIndicatorStyles: false,
      historyCacheSize: 0,
      selfRequestsOnly: true,
    });
  });

  it("ships the indicator styles htmx no longer injects", async () => {
    const css = await (await call(STYLE_PATH)).text();
    expect(css).toContain(".htmx-indicator{opacity:0");
    expect(css).toContain(".htmx-request .htmx-indicator");
  });

  it("allows htmx from the full URL of the pinned file, an HTMX_URL mirror's file, or this Worker's file", () => {
    const ctx = (url: string, HTMX_URL: string) =>
      ({ req: { url }, env: { HTMX_URL } }) as unknown as Parameters<typeof htmxSource>[0];
    expect(htmxSource(ctx(`${BASE}/`, ""))).toBe("https://cdn.jsdelivr.net/npm/htmx.org@2.0.11/dist/htmx.min.js");
    expect(htmxSource(ctx(`${BASE}/`, "https://mirror.nanhu.gov.cn/js/htmx.min.js"))).toBe(
      "https://mirror.nanhu.gov.cn/js/htmx.min.js",
    );
    // A path on this Worker is named with its origin; the query (a cache-buster) is not part of a CSP source.
    expect(htmxSource(ctx(`${BASE}/parcels`, "/static/htmx.min.js?v=2"))).toBe(`${BASE}/static/htmx.min.js`);
    // A configured URL cannot smuggle in another directive or source list.
    expect(htmxSource(ctx(`${BASE}/`, "https://m.example/a;script-src *,b.js"))).toBe(
      "https://m.example/a%3Bscript-src%20*%2Cb.js",
    );
  });
});
