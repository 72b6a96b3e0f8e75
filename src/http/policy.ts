import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import type { AppEnv, Role } from "../env";
import { resolveUser } from "./authorize";
import { deny } from "./respond";

export type Policy = "public" | "authenticated" | readonly Role[];

const EDITORS: readonly Role[] = ["officer", "admin"];
const EVERYONE: Policy = "authenticated";
const ADMINS: readonly Role[] = ["admin"];
// 项目负责人 own projects: target dates, problems, the parcels they hold (docs/PRODUCT.md §1).
const LEADS: readonly Role[] = ["lead", "admin"];

/**
 * Deny by default: every route the app serves is listed here as "METHOD /path" with who may call it.
 * A route missing from this table answers 403 to everybody, and a test fails on it.
 */
export const ROUTE_POLICY: Record<string, Policy> = {
  "GET /healthz": "public",
  "GET /assets/:file": "public",
  "GET /login": "public",
  "POST /login": "public",
  "POST /logout": "public",
  "POST /api/v1/session": "public",
  "DELETE /api/v1/session": "public",
  "GET /admin": ADMINS,
  "GET /admin/users": ADMINS,
  "POST /admin/users": ADMINS,
  "POST /admin/users/:id/role": ADMINS,
  "POST /admin/users/:id/password": ADMINS,
  "POST /admin/users/:id/deactivate": ADMINS,
  "POST /admin/users/:id/reactivate": ADMINS,
  "GET /admin/security-log": ADMINS,
  "GET /admin/lockouts": ADMINS,
  "POST /admin/lockouts/lift": ADMINS,
  "GET /api/v1/security-log": ADMINS,
  "GET /api/v1/users": ADMINS,
  "POST /api/v1/users": ADMINS,
  "PATCH /api/v1/users/:id": ADMINS,
  "GET /": EVERYONE,
  "GET /parcels": EVERYONE,
  "GET /parcels/export.csv": EVERYONE,
  "GET /parcels/export.xlsx": EVERYONE,
  "GET /parcels/new": EDITORS,
  "POST /parcels": EDITORS,
  "GET /parcels/:id": EVERYONE,
  "GET /parcels/:id/move-fields": EDITORS,
  "POST /parcels/:id/moves": EDITORS,
  "POST /parcels/:id/corrections": EDITORS,
  "POST /parcels/:id/delays": EDITORS,
  "GET /parcels/:id/edit": EDITORS,
  "POST /parcels/:id/edit": EDITORS,
  "GET /api/v1/parcels": EVERYONE,
  "POST /api/v1/parcels": EDITORS,
  "GET /api/v1/parcels/:id": EVERYONE,
  "PATCH /api/v1/parcels/:id": EDITORS,
  "POST /api/v1/parcels/:id/moves": EDITORS,
  "POST /api/v1/parcels/:id/corrections": EDITORS,
  "POST /api/v1/parcels/:id/delays": EDITORS,
  "GET /batches": EVERYONE,
  "GET /batches/export.csv": EVERYONE,
  "GET /batches/export.xlsx": EVERYONE,
  "GET /batches/new": EDITORS,
  // The batch picker's options, for the parcel forms that have one (register, edit, the approval move).
  "GET /batches/choices": EDITORS,
  "POST /batches": EDITORS,
  "GET /batches/:id": EVERYONE,
  "POST /batches/:id/approval": EDITORS,
  "GET /api/v1/batches": EVERYONE,
  "POST /api/v1/batches": EDITORS,
  "GET /api/v1/batches/:id": EVERYONE,
  "POST /api/v1/batches/:id/approval": EDITORS,
  "GET /digestion": EVERYONE,
  "GET /digestion/work-list.csv": EVERYONE,
  "GET /api/v1/digestion": EVERYONE,
  "GET /projects": EVERYONE,
  "GET /projects/new": LEADS,
  // The project picker's options, for the parcel edit form (officers and admins).
  "GET /projects/choices": EDITORS,
  "POST /projects": LEADS,
  "GET /projects/:id": EVERYONE,
  "POST /projects/:id/replan": LEADS,
  "POST /projects/:id/problems": LEADS,
  "POST /projects/:id/problems/:problemId": LEADS,
  "POST /projects/:id/parcels": LEADS,
  "POST /projects/:id/parcels/leave": LEADS,
  "GET /api/v1/projects": EVERYONE,
  "POST /api/v1/projects": LEADS,
  "GET /api/v1/projects/:id": EVERYONE,
  "PATCH /api/v1/projects/:id": LEADS,
  "POST /api/v1/projects/:id/problems": LEADS,
  "PATCH /api/v1/problems/:id": LEADS,
  "GET /battle-map": EVERYONE,
  "GET /api/v1/battle-map": EVERYONE,
  "GET /admin/calendar": ADMINS,
  "POST /admin/calendar": ADMINS,
  "GET /admin/durations": ADMINS,
  "POST /admin/durations": ADMINS,
  "GET /idle-land": EVERYONE,
  "GET /api/v1/idle-land": EVERYONE,
  "GET /admin/targets": ADMINS,
  "POST /admin/targets": ADMINS,
  "GET /api/v1/targets": EVERYONE,
  "POST /api/v1/targets": ADMINS,
  "GET /reviews/weekly": EVERYONE,
  "GET /reviews/weekly/print": EVERYONE,
  "GET /reviews/weekly/tables/:table": EVERYONE,
  "GET /reviews/weekly/export.csv": EVERYONE,
  "GET /reviews/weekly/export.xlsx": EVERYONE,
  "GET /api/v1/reviews/weekly": EVERYONE,
  "GET /import": EDITORS,
  "POST /import": EDITORS,
  "POST /import/:id/commit": EDITORS,
  "POST /import/:id/undo": EDITORS,
  "GET /import/:id/report.csv": EDITORS,
  "GET /admin/towns": ADMINS,
  "POST /admin/towns": ADMINS,
  "POST /admin/towns/:id": ADMINS,
  "GET /api/v1/towns": EVERYONE,
  "POST /api/v1/towns": ADMINS,
  "PATCH /api/v1/towns/:id": ADMINS,
};

/** The "METHOD /path" key of the route that will answer, or null when none matched (a 404). */
export function routeKey(c: Parameters<typeof matchedRoutes>[0]): string | null {
  // The first handler matched is the one that answers: GET /parcels/new also matches /parcels/:id
  // further down, and judging it by that later route would let a viewer open an editor's page.
  const endpoint = matchedRoutes(c).find((r) => r.method !== "ALL");
  if (!endpoint) return null;
  const method = c.req.method === "HEAD" ? "GET" : c.req.method;
  return `${method} ${endpoint.path}`;
}

/**
 * Enforces the route table. Without a session cookie a protected route is refused at once (no D1
 * call); with one, the handler's first act is `authorize`, which looks the session up in the same D1
 * batch as the page's reads and applies this route's policy before anything is rendered or written.
 * A route missing from the table is refused to everyone. A handler that answered without authorizing
 * is a bug: its answer is replaced by a 500 and logged, and the route × role test fails on it.
 */
export const enforcePolicy = createMiddleware<AppEnv>(async (c, next) => {
  const key = routeKey(c);
  if (key === null) return next();
  const policy = ROUTE_POLICY[key];
  c.set("policy", policy);
  if (policy === "public") return next();
  if (!c.get("sessionId")) return deny(c, 401);
  if (policy === undefined) {
    await resolveUser(c);
    return deny(c, c.get("user") ? 403 : 401);
  }
  await next();
  if (!c.get("authorized") && c.res.status < 400) {
    console.error(`route ${key} answered ${c.res.status} without authorize()`);
    c.res = undefined;
    c.res = c.json({ error: "internal", message: "internal error" }, 500);
  }
});
