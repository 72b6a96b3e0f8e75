import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { call, newParcel, session } from "../helpers";
import { hostileBodies } from "./security-hostile-arbitraries";

// Each route gets 200 bodies; with the routes of today that is a few thousand hostile requests.
const RUNS_PER_ROUTE = 200;

/** A valid-looking body per route, which the fuzzer then spoils field by field. Unknown routes start from {}. */
export const TEMPLATES: Record<string, Record<string, unknown>> = {
  "POST /api/v1/session": { username: "fuzz-user", password: "fuzz-password-1" },
  "POST /api/v1/parcels": newParcel(),
  "PATCH /api/v1/parcels/:id": { version: 1, name: "凤桥镇新地块", town: "凤桥镇", area: { value: 3, unit: "ha" } },
  "POST /api/v1/parcels/:id/moves": { to: "approved", date: "2023-03-01", version: 1, docNo: "浙土字〔2023〕1号" },
  "POST /api/v1/parcels/:id/corrections": { version: 2, reason: "录入错误" },
  "POST /api/v1/batches": { name: "南湖区2023年度第3批次", kind: "urban", totalArea: { value: 100, unit: "mu" } },
  "POST /api/v1/batches/:id/approval": { docNo: "浙政土〔2023〕9号", date: "2023-04-01" },
};

/**
 * Which test file attacks which routes. The harness's self-fetch slows with every request a file
 * makes (cloudflare/workers-sdk#15446), so the routes are spread over small files; the "others"
 * file takes every mutating route not named here, so a new route is attacked the day it lands.
 */
export const ROUTE_FILES: Record<string, string[]> = {
  parcels: ["POST /api/v1/parcels", "PATCH /api/v1/parcels/:id"],
  moves: ["POST /api/v1/parcels/:id/moves", "POST /api/v1/parcels/:id/corrections"],
  batches: ["POST /api/v1/batches", "POST /api/v1/batches/:id/approval"],
};

/** Every JSON route that takes a body, straight from the app's route table. */
export const mutatingApiRoutes = () =>
  [...new Set(app.routes.filter((r) => ["POST", "PUT", "PATCH"].includes(r.method) && r.path.startsWith("/api/")).map((r) => `${r.method} ${r.path}`))].sort();

export const unclaimedRoutes = () => mutatingApiRoutes().filter((k) => !Object.values(ROUTE_FILES).flat().includes(k));

// Tables that record the refusal itself (a failed login, a lock, a 403) or a session's last use:
// they are meant to change on a rejected request. Every other table must not.
const JOURNAL_TABLES = new Set(["sessions", "security_log", "login_failures", "login_locks"]);

/** One query returning the full content of every other table, to compare before and after. */
async function fingerprintQuery(): Promise<string> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' ORDER BY name",
  ).all<{ name: string }>();
  const parts: string[] = [];
  for (const { name } of tables.results) {
    if (JOURNAL_TABLES.has(name)) continue;
    const cols = await env.DB.prepare(`SELECT name FROM pragma_table_info('${name}')`).all<{ name: string }>();
    const list = cols.results.map((c) => `"${c.name}"`).join(", ");
    parts.push(`'${name}:' || (SELECT coalesce(json_group_array(json_array(${list})), '[]') FROM (SELECT * FROM "${name}" ORDER BY rowid))`);
  }
  return `SELECT ${parts.join(" || '|' || ")} AS fp`;
}

/** Fuzzes each route: never a 5xx, refusals in the API's error shape, and a refusal writes nothing. */
export function attackRoutes(keys: () => string[]) {
  describe("hostile bodies", () => {
    let admin: Awaited<ReturnType<typeof session>>;
    let fingerprint: string;
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      admin = await session("admin");
      const parcel = await admin.json("POST", "/api/v1/parcels", newParcel());
      ids.parcels = ((await parcel.json()) as { id: number }).id;
      const batch = await admin.json("POST", "/api/v1/batches", TEMPLATES["POST /api/v1/batches"]);
      ids.batches = ((await batch.json()) as { id: number }).id;
      fingerprint = await fingerprintQuery();
    });

    const snapshot = async () => (await env.DB.prepare(fingerprint).first<{ fp: string }>())!.fp;

    it("attacks routes that exist", () => {
      for (const key of keys()) expect(mutatingApiRoutes()).toContain(key);
    });

    it("never answers 5xx, refuses in the error shape, and a refusal changes nothing", async () => {
      for (const key of keys()) {
        const [method, pattern] = key.split(" ");
        // A real row behind each :id, so the body is judged and not just the missing row; unknown kinds get 1.
        const path = pattern.replace(/\/([a-z-]+)\/:id/g, (_m, kind: string) => `/${kind}/${ids[kind] ?? 1}`);
        const headers: Record<string, string> = { "Content-Type": "application/json", "CF-Connecting-IP": "198.18.0.1" };
        // Logging in with the admin's cookie would end that session; the login route is attacked without one.
        if (key !== "POST /api/v1/session") headers.Cookie = admin.cookie;
        let before = await snapshot();
        let refused = 0;
        await fc.assert(
          fc.asyncProperty(hostileBodies(TEMPLATES[key] ?? {}), async (body) => {
            const res = await call(path, { method, headers, body });
            const text = await res.text();
            expect(res.status, `${key} ${text.slice(0, 300)}`).toBeLessThan(500);
            const after = await snapshot();
            if (res.status >= 400) {
              refused++;
              expect((JSON.parse(text) as { error: unknown }).error, key).toEqual(expect.any(String));
              expect(after === before, `${key}: a ${res.status} changed the database`).toBe(true);
            }
            before = after;
          }),
          // No shrinking: each replay is a real request, and the failing body is already a readable report.
          { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        );
        // The run really probed validation: most bodies were refused.
        expect(refused, key).toBeGreaterThan(RUNS_PER_ROUTE / 2);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    }, 120_000);
  });
}
