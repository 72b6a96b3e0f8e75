import { Hono, type Context } from "hono";
import type { AppEnv, SessionUser } from "../env";
import { securityLogInsert } from "../http/audit";
import { authorize } from "../http/authorize";
import { readJson } from "../http/json";
import { pathId } from "../http/path";
import { problem } from "../http/respond";
import { parseLogQuery } from "./log-query";
import { securityLogPage, securityLogQuery, securityLogTotalQuery, usersQuery, type UserListItem } from "./queries";
import { createUserOp, patchUserOp, type AdminActor, type AdminResult } from "./writes";
import type { Db } from "../db/client";
import type { SecurityLogEntry } from "../db/schema";

// The JSON twins of /admin/security-log and /admin/users (admins only, ROUTE_POLICY).

const logJson = (e: SecurityLogEntry) => ({
  id: String(e.id),
  at: e.at,
  kind: e.kind,
  count: e.count,
  lastAt: e.lastAt,
  actorId: e.actorId,
  actorName: e.actorName,
  subjectId: e.subjectId,
  subjectName: e.subjectName,
  ip: e.ip,
  method: e.method,
  path: e.path,
  detail: e.detail ? (JSON.parse(e.detail) as unknown) : null,
});

const userJson = (u: UserListItem) => ({ ...u, active: Boolean(u.active) });

export const securityLogApi = new Hono<AppEnv>().get("/", async (c) => {
  const q = parseLogQuery(c.req.query());
  if (!q.ok) {
    await authorize(c);
    return problem(c, 400, "bad_request", q.issues);
  }
  const {
    results: [rows, [total]],
  } = await authorize(c, (db) => [securityLogQuery(db, q.filter, q.before), securityLogTotalQuery(db, q.filter)]);
  const page = securityLogPage(rows);
  return c.json({
    items: page.items.map(logJson),
    total: total.n,
    nextCursor: page.nextBefore === null ? null : String(page.nextBefore),
  });
});

const adminActor = (c: Context<AppEnv>, db: Db, user: SessionUser): AdminActor => ({
  id: user.id,
  audit: (e) => securityLogInsert(db, c, e),
});

/** The account as it now stands, or the refusal in the API's error shape. */
async function answer(c: Context<AppEnv>, db: Db, r: AdminResult, okStatus: 200 | 201) {
  if (!r.ok) {
    if (r.status === 404) return problem(c, 404, "not_found");
    if (r.status === 409) return problem(c, 409, "admin_last_admin", r.issues);
    return problem(c, 422, "validation", r.issues);
  }
  const user = (await usersQuery(db)).find((u) => u.id === r.subject.id);
  return c.json(user ? userJson(user) : { id: r.subject.id }, okStatus);
}

export const usersApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const {
      results: [users],
    } = await authorize(c, (db) => [usersQuery(db)]);
    return c.json({ items: users.map(userJson) });
  })
  .post("/", async (c) => {
    const { user, db } = await authorize(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    return answer(c, db, await createUserOp(db, body.value, adminActor(c, db, user)), 201);
  })
  .patch("/:id", async (c) => {
    const { user, db } = await authorize(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const id = pathId(c);
    if (id === null) return problem(c, 404, "not_found");
    return answer(c, db, await patchUserOp(db, id, body.value, adminActor(c, db, user)), 200);
  });
