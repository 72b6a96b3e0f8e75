import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { BASE, call, createUser, newParcel, session } from "../helpers";
import { hostileBodies, hostileForms, type FormPost } from "./security-hostile-arbitraries";

// Each JSON route gets 200 bodies, each form route 60 (forms share the API's validation, and admin
// forms hash passwords): over two thousand hostile requests in all.
const RUNS_PER_API_ROUTE = 200;
const RUNS_PER_FORM_ROUTE = 60;

/** A valid-looking body per route, which the fuzzer then spoils field by field. Unknown routes start from {}. */
export const TEMPLATES: Record<string, Record<string, unknown>> = {
  "POST /api/v1/session": { username: "fuzz-user", password: "fuzz-password-1" },
  "POST /api/v1/parcels": newParcel(),
  "PATCH /api/v1/parcels/:id": {
    reason: "核对后修改",
    version: 1,
    name: "凤桥镇新地块",
    town: "凤桥镇",
    area: { value: 3, unit: "ha" },
  },
  "POST /api/v1/parcels/:id/moves": { to: "approved", date: "2023-03-01", version: 1, docNo: "浙土字〔2023〕1号" },
  "POST /api/v1/parcels/:id/corrections": { version: 2, reason: "录入错误" },
  "POST /api/v1/batches": { name: "南湖区2023年度第3批次", kind: "urban", totalArea: { value: 100, unit: "mu" } },
  "POST /api/v1/batches/:id/approval": { docNo: "浙政土〔2023〕9号", date: "2023-04-01" },
  "POST /api/v1/users": { username: "fuzz.api", displayName: "模糊测试", role: "viewer", password: "fuzz-password-1" },
  "PATCH /api/v1/users/:id": { role: "officer", active: true },
  "POST /api/v1/projects": {
    name: "亚太路科创走廊",
    owner: "南湖新区开发公司",
    category: "district",
    leader: "王副区长",
    department: "用地保障科",
    targetStartOn: "2024-03-01",
    targetCompletionOn: "2025-06-30",
  },
  "PATCH /api/v1/projects/:id": {
    targetStartOn: "2024-04-01",
    targetCompletionOn: "2025-06-30",
    reason: "村民有异议",
    version: 1,
  },
  "POST /api/v1/projects/:id/problems": {
    text: "征地款未到位",
    milestone: "acquisition",
    unit: "区财政局",
    owner: "李",
    dueOn: "2023-09-30",
  },
  "PATCH /api/v1/problems/:id": { status: "resolved", resolution: "已拨付", version: 1 },
  "POST /api/v1/towns": { name: "湘家荡街道" },
  "PATCH /api/v1/towns/:id": { version: 1, name: "湘家荡街道" },
};

/** The fields each browser form sends, with plausible values the fuzzer then spoils. */
export const FORM_TEMPLATES: Record<string, Record<string, string>> = {
  "POST /login": { username: "fuzz-user", password: "fuzz-password-1" },
  "POST /parcels": {
    code: "330402-F0001",
    name: "凤桥镇地块",
    town: "凤桥镇",
    landUse: "industrial",
    origin: "collective",
    areaValue: "12.5",
    areaUnit: "mu",
    batchId: "",
    note: "",
  },
  "POST /parcels/:id/moves": { to: "approved", date: "2023-03-01", version: "1", docNo: "浙土字〔2023〕2号", note: "" },
  "POST /parcels/:id/corrections": { version: "2", reason: "录入错误" },
  "POST /batches": {
    name: "南湖区2023年度第4批次",
    kind: "urban",
    authority: "省政府",
    docNo: "",
    approvedOn: "",
    totalArea: "80",
    unit: "mu",
    note: "",
  },
  "POST /batches/:id/approval": { docNo: "浙政土〔2023〕10号", date: "2023-04-01" },
  "POST /admin/users": { username: "fuzz.user", displayName: "模糊测试", role: "viewer", password: "fuzz-password-1" },
  "POST /admin/users/:id/role": { role: "officer" },
  "POST /admin/users/:id/password": { password: "fuzz-password-2" },
  "POST /projects": {
    name: "枫南线站点",
    owner: "南湖新区开发公司",
    category: "municipal",
    leader: "陈副区长",
    department: "用地保障科",
    town: "",
    sitingDocNo: "",
    sitingOn: "",
    targetStartOn: "2024-03-01",
    targetCompletionOn: "2025-06-30",
  },
  "POST /projects/:id/replan": {
    targetStartOn: "2024-04-01",
    targetCompletionOn: "2025-06-30",
    reason: "控规调整",
    version: "1",
  },
  "POST /projects/:id/problems": { text: "青苗未清", milestone: "supply", unit: "余新镇", owner: "周", dueOn: "" },
  "POST /projects/:id/problems/:problemId": { resolution: "已清表", version: "1" },
  "POST /projects/:id/parcels": { code: "330402-F0001" },
  "POST /projects/:id/parcels/leave": { parcelId: "1" },
  "POST /admin/calendar": { year: "2027", holidays: "2027-01-01 2027-02-05", workdays: "", note: "国办发明电" },
  "POST /admin/durations": { milestone: "supply", days: "30", unit: "calendar", note: "实践值", version: "1" },
  "POST /admin/towns": { name: "湘家荡街道" },
  "POST /admin/towns/:id": { version: "1", name: "湘家荡街道", action: "rename" },
  "POST /parcels/:id/edit": {
    version: "1",
    name: "凤桥镇新地块",
    town: "凤桥镇",
    landUse: "industrial",
    origin: "collective",
    areaValue: "1,250.5",
    areaUnit: "mu",
    batchId: "",
    projectId: "",
    reason: "核对后修改",
  },
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
  "parcel-forms": ["POST /parcels", "POST /parcels/:id/moves", "POST /parcels/:id/corrections"],
  "other-forms": ["POST /login", "POST /batches", "POST /batches/:id/approval"],
  "projects-api": ["POST /api/v1/projects", "PATCH /api/v1/projects/:id"],
  "problems-api": ["POST /api/v1/projects/:id/problems", "PATCH /api/v1/problems/:id"],
  "projects-forms": [
    "POST /projects",
    "POST /projects/:id/replan",
    "POST /projects/:id/problems",
    "POST /projects/:id/problems/:problemId",
  ],
  "settings-forms": [
    "POST /projects/:id/parcels",
    "POST /projects/:id/parcels/leave",
    "POST /admin/calendar",
    "POST /admin/durations",
  ],
  "admin-forms": [
    "POST /admin/users",
    "POST /admin/users/:id/role",
    "POST /admin/users/:id/password",
    "POST /admin/users/:id/deactivate",
    "POST /admin/users/:id/reactivate",
  ],
  "admin-api": ["POST /api/v1/users", "PATCH /api/v1/users/:id"],
};

// Logging out takes no input and ends the session the attack runs in; sessions tests cover it.
const NOT_ATTACKED = ["POST /logout"];

/** Every route that takes a body (JSON API and browser forms), straight from the app's route table. */
export const mutatingRoutes = () =>
  [
    ...new Set(
      app.routes.filter((r) => ["POST", "PUT", "PATCH"].includes(r.method)).map((r) => `${r.method} ${r.path}`),
    ),
  ]
    .filter((k) => !NOT_ATTACKED.includes(k))
    .sort();

export const unclaimedRoutes = () => mutatingRoutes().filter((k) => !Object.values(ROUTE_FILES).flat().includes(k));

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
    parts.push(
      // Ordered by every column, not rowid: the search pieces and list tallies are WITHOUT ROWID tables.
      `'${name}:' || (SELECT coalesce(json_group_array(json_array(${list})), '[]') FROM (SELECT * FROM "${name}" ORDER BY ${list}))`,
    );
  }
  return `SELECT ${parts.join(" || '|' || ")} AS fp`;
}

const isApiRoute = (key: string) => key.split(" ")[1].startsWith("/api/");

/** One hostile request: JSON text for the API, a form post (of any encoding) for the pages. */
function send(path: string, method: string, headers: Record<string, string>, input: string | FormPost) {
  if (typeof input === "string")
    return call(path, { method, headers: { ...headers, "Content-Type": "application/json" }, body: input });
  const h = { ...headers, Origin: BASE };
  return call(path, {
    method,
    redirect: "manual",
    headers: input.type ? { ...h, "Content-Type": input.type } : h,
    body: input.body,
  });
}

/** Fuzzes each route: never a 5xx, refusals in the route's error shape, and a refusal writes nothing. */
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
      // A bystander account for the per-user admin forms (never the admin itself).
      ids.users = (await createUser("viewer")).id;
      // A project and one of its problems, so their routes judge the body rather than answer 404.
      const project = await admin.json("POST", "/api/v1/projects", TEMPLATES["POST /api/v1/projects"]);
      ids.projects = ((await project.json()) as { id: number }).id;
      const problem = await admin.json(
        "POST",
        `/api/v1/projects/${ids.projects}/problems`,
        TEMPLATES["POST /api/v1/projects/:id/problems"],
      );
      ids.problems = ((await problem.json()) as { id: number }).id;
      fingerprint = await fingerprintQuery();
    });

    const snapshot = async () => (await env.DB.prepare(fingerprint).first<{ fp: string }>())!.fp;

    it("attacks routes that exist", () => {
      for (const key of keys()) expect(mutatingRoutes()).toContain(key);
    });

    // One test a route, each with its own time limit: a file attacking many routes outgrew one limit.
    for (const key of keys())
      it(`never answers 5xx, refuses in the error shape, and a refusal changes nothing: ${key}`, async () => {
        const [method, pattern] = key.split(" ");
        // A real row behind each :id, so the body is judged and not just the missing row; unknown kinds get 1.
        const path = pattern.replace(/\/([a-z-]+)\/:id/g, (_m, kind: string) => `/${kind}/${ids[kind] ?? 1}`);
        const headers: Record<string, string> = { "CF-Connecting-IP": "198.18.0.1" };
        // Logging in with the admin's cookie would end that session; the login routes are attacked without one.
        if (!["POST /api/v1/session", "POST /login"].includes(key)) headers.Cookie = admin.cookie;
        const api = isApiRoute(key);
        const template = api ? (TEMPLATES[key] ?? {}) : (FORM_TEMPLATES[key] ?? {});
        const inputs: fc.Arbitrary<string | FormPost> = api
          ? hostileBodies(template)
          : hostileForms(FORM_TEMPLATES[key] ?? {});
        const runs = api ? RUNS_PER_API_ROUTE : RUNS_PER_FORM_ROUTE;
        let before = await snapshot();
        let refused = 0;
        await fc.assert(
          fc.asyncProperty(inputs, async (input) => {
            const res = await send(path, method, headers, input);
            const text = await res.text();
            expect(res.status, `${key} ${text.slice(0, 300)}`).toBeLessThan(500);
            const after = await snapshot();
            if (res.status >= 400) {
              refused++;
              if (api) expect((JSON.parse(text) as { error: unknown }).error, key).toEqual(expect.any(String));
              else expect(res.headers.get("Content-Type"), key).toMatch(/^text\/html/);
              expect(after === before, `${key}: a ${res.status} changed the database`).toBe(true);
            }
            before = after;
          }),
          // No shrinking: each replay is a real request, and the failing body is already a readable report.
          { numRuns: runs, endOnFailure: true },
        );
        // The run really probed validation: many inputs were refused (routes that take no fields accept anything).
        if (Object.keys(template).length) expect(refused, key).toBeGreaterThan(runs / 4);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
        // Each request re-reads a fingerprint of the whole database: minutes when other suites share the cores.
      }, 300_000);
  });
}
