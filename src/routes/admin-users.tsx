import { Hono, type Context } from "hono";
import { securityLogInsert } from "../auth/security-log";
import { createUserOp, listUsers, resetPasswordOp, setActiveOp, setRoleOp, type AdminActor, type AdminResult } from "../auth/users";
import { getDb } from "../db/client";
import type { AppEnv } from "../env";
import { wantsFragment } from "../http/fragment";
import { fieldErrors, readForm, type FormValues } from "../http/parcel-form";
import { t } from "../i18n";
import type { FormScope } from "../../views/components/field";
import { ErrorPage } from "../../views/error-page";
import { pageCtx } from "../../views/page-context";
import { CREATE_FORM } from "../../views/admin/user-create-form";
import { rowForm } from "../../views/admin/user-row";
import { UsersPage } from "../../views/admin/users-page";
import { UsersPanel } from "../../views/admin/users-panel";
import { pathId } from "./api/parcels";

const DONE_KINDS = new Set(["user_created", "user_role_changed", "user_password_reset", "user_deactivated", "user_reactivated"]);
const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v);

const actor = (c: Context<AppEnv>): AdminActor => {
  const db = getDb(c.env);
  return { id: c.get("user")!.id, audit: (e) => securityLogInsert(db, c, e) };
};

/** The panel for htmx, the page otherwise: one view, two uses. */
async function render(c: Context<AppEnv>, status: 200 | 422, extra: { refused?: FormScope; done?: string }) {
  const props = { ctx: pageCtx(c), users: await listUsers(getDb(c.env)), ...extra };
  return c.html(wantsFragment(c) ? <UsersPanel {...props} /> : <UsersPage {...props} />, status);
}

/**
 * Success: htmx gets the refreshed panel with a notice, a plain form post a redirect (so reload does
 * not post twice). Refusal: 422 with the messages beside the fields and what was typed, except
 * passwords, which are never sent back.
 */
async function answer(c: Context<AppEnv>, r: AdminResult, formId: string, values: FormValues, fields: readonly string[]) {
  if (r.ok) {
    const done = t(c.get("lang"), `admin.done.${r.kind}`, { name: r.subject.username });
    if (wantsFragment(c)) return render(c, 200, { done });
    return c.redirect(`/admin/users?done=${r.kind}&user=${r.subject.id}`, 303);
  }
  if (r.status === 404) return c.html(<ErrorPage c={c} status={404} message={t(c.get("lang"), "error.not_found")} />, 404);
  const { password: _omitted, ...kept } = values;
  return render(c, 422, { refused: { id: formId, values: kept, errors: fieldErrors(c.get("lang"), r.issues, fields) } });
}

/** Runs a per-user action on the path's id; a malformed id is simply not found. */
const onUser =
  (what: "role" | "password" | "active", run: (c: Context<AppEnv>, id: number, f: FormValues) => Promise<AdminResult>, fields: readonly string[]) =>
  async (c: Context<AppEnv>) => {
    const id = pathId(c);
    const values = await readForm(c);
    const r: AdminResult = id === null ? { ok: false, status: 404, issues: [] } : await run(c, id, values);
    return answer(c, r, id === null || what === "active" ? "_" : rowForm(id), values, fields);
  };

// 用户管理 user administration, admins only (ROUTE_POLICY).
export const adminUsers = new Hono<AppEnv>()
  .get("/", (c) => c.redirect("/admin/users", 303))
  .get("/users", async (c) => {
    const db = getDb(c.env);
    const kind = c.req.query("done");
    const users = await listUsers(db);
    const subject = users.find((u) => String(u.id) === c.req.query("user"));
    const done = kind && DONE_KINDS.has(kind) && subject ? t(c.get("lang"), `admin.done.${kind}`, { name: subject.username }) : undefined;
    return c.html(<UsersPage ctx={pageCtx(c)} users={users} done={done} />);
  })
  .post("/users", async (c) => {
    const f = await readForm(c);
    const body = { username: blankToUndefined(f.username), displayName: blankToUndefined(f.displayName), role: blankToUndefined(f.role), password: blankToUndefined(f.password) };
    return answer(c, await createUserOp(getDb(c.env), body, actor(c)), CREATE_FORM, f, ["username", "displayName", "role", "password"]);
  })
  .post("/users/:id/role", onUser("role", (c, id, f) => setRoleOp(getDb(c.env), id, { role: blankToUndefined(f.role) }, actor(c)), ["role"]))
  .post("/users/:id/password", onUser("password", (c, id, f) => resetPasswordOp(getDb(c.env), id, { password: blankToUndefined(f.password) }, actor(c)), ["password"]))
  .post("/users/:id/deactivate", onUser("active", (c, id) => setActiveOp(getDb(c.env), id, false, actor(c)), []))
  .post("/users/:id/reactivate", onUser("active", (c, id) => setActiveOp(getDb(c.env), id, true, actor(c)), []));
