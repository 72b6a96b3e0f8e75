import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { call, session } from "../helpers";
import { HOSTILE_STRINGS } from "./security-hostile-arbitraries";

// Every GET route of the app, straight from its route table, with random query strings and hostile
// path segments: the answer may refuse, never fail (no 5xx). 25 runs a route keep the file under a
// minute on two shared cores (the harness's self-fetch slows with every request, workers-sdk#15446).
const RUNS_PER_ROUTE = 25;

const getRoutes = () => [...new Set(app.routes.filter((r) => r.method === "GET").map((r) => r.path))].sort();

// Parameter names the pages read, plus a few nobody reads.
const KEYS = ["q", "state", "town", "landUse", "batchId", "projectId", "limit", "cursor", "lang", "next", "kind"];
KEYS.push("sort", "dir", "before", "batch", "year");
// The as-of pages, the battle map's pages, the weekly review and the idle-land groups.
KEYS.push("asOf", "week", "page", "warning", "lateCursor", "status", "category");
// The batch and project pickers' searches (their chosen ids are batchId and projectId above), and the edit form's
// version, which a picker's 查找 without JS carries back to the page.
KEYS.push("batchQ", "projectQ", "version", "to");
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 10 }));
const value = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 2000)),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.integer().map(String),
  fc.constantFrom("地".repeat(17), "x".repeat(49), "%".repeat(25), "_".repeat(40), "\\".repeat(30)),
);

/** A query string, either well encoded or raw text with broken percent escapes. */
const queryString = fc.oneof(
  fc.array(fc.tuple(key, value), { maxLength: 5 }).map((pairs) => new URLSearchParams(pairs).toString()),
  fc.constantFrom("%", "%E0%A4%A", "q=%", "q=%ZZ", "&&==&", "q=%00", "q=%E2%80%AE", "limit=1e309&cursor=-0"),
  fc.string({ maxLength: 60 }).map((s) => s.replace(/[#\s]/g, "")),
);

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes as its raw, invalid UTF-8 bytes. */
function encodeAny(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .split("")
      .map((ch) => (/[\ud800-\udfff]/.test(ch) ? "%ED%A0%80" : encodeURIComponent(ch)))
      .join("");
  }
}

/** A path segment standing in for :id or :file. */
const segment = fc.oneof(
  fc.constantFrom("0", "-1", "1e309", "9".repeat(40), "%", "%00", "%2F", "..", "%2e%2e", "__proto__", "1.5", " 1"),
  fc.string({ unit: "binary", maxLength: 30 }).map(encodeAny),
  fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 200)).map(encodeAny),
);

describe("hostile GET requests", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = (await session("admin")).cookie;
  });

  it("attacks the routes the app really serves", () => {
    expect(getRoutes()).toEqual(
      expect.arrayContaining([
        "/parcels",
        "/api/v1/parcels",
        "/api/v1/parcels/:id",
        "/batches/choices",
        "/projects/choices",
      ]),
    );
  });

  // One test a route, each with its own time limit: the routes grew past seventy and the harness's
  // self-fetch slows with every request a file makes, so one test for all of them outgrew one limit.
  for (const pattern of getRoutes())
    it(`never answers 5xx to any query string or path segment: GET ${pattern}`, async () => {
      await fc.assert(
        fc.asyncProperty(queryString, segment, async (qs, seg) => {
          const path = pattern.replace(/:[a-z]+/g, seg);
          const res = await call(`${path}?${qs}`, { redirect: "manual", headers: { Cookie: cookie } });
          const text = await res.text();
          expect(res.status, `${path}?${qs} ${text.slice(0, 200)}`).toBeLessThan(500);
        }),
        { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }, 60_000);
});
