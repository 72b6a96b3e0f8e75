import { Hono, type Context } from "hono";
import { securityLogInsert } from "../http/audit";
import { createUserOp, resetPasswordOp, setActiveOp, setRoleOp, type AdminActor, type AdminResult } from "./writes";
import { usersQuery } from "./queries";
import { getDb } from "../db/client";
import type { AppEnv } from "../env";
import { wantsFragment } from "../http/fragment";
import { fieldErrors, readForm, type FormValues } from "../http/form";
import { t } from "../i18n";
import type { FormScope } from "../../views/components/field";
import { ErrorPage } from "../../views/error-page";
import { pageCtx } from "../../views/page-context";
import { CREATE_FORM } from "../../views/admin/user-create-form";
import { rowForm } from "../../views/admin/user-row";
import { UsersPage } from "../../views/admin/users-page";
import { UsersPanel } from "../../views/admin/users-panel";
import { authorize } from "../http/authorize";
import { pathId } from "../http/path";
import { notFound } from "../http/respond";
import type { SessionUser } from "../env";

const DONE_KINDS = new Set([
  "user_created",
  "user_role_changed",
  "user_password_reset",
  "user_deactivated",
  "user_reactivated",
]);
const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v);

const adminActor = (c: Context<AppEnv>, user: SessionUser): AdminActor => {
  const db = getDb(c.env);
  return { id: user.id, audit: (e) => securityLogInsert(db, c, e) };
};

/** The session (checked against the policy) and the acting admin, before anything is read or written. */
const actor = async (c: Context<AppEnv>) => adminActor(c, (await authorize(c)).user);

/** The panel for htmx, the page otherwise: one view, two uses. */
async function render(c: Context<AppEnv>, status: 200 | 409 | 422, extra: { refused?: FormScope; done?: string }) {
  const props = { ctx: pageCtx(c), users: await usersQuery(getDb(c.env)), ...extra };
  return c.html(wantsFragment(c) ? <UsersPanel {...props} /> : <UsersPage {...props} />, status);
}

/**
 * Success: htmx gets the refreshed panel with a notice, a plain form post a redirect (so reload does
 * not post twice). Refusal: 422 (or 409 for the last admin) with the messages beside the fields and what was typed, except
 * passwords, which are never sent back.
 */
async function answer(
  c: Context<AppEnv>,
  r: AdminResult,
  formId: string,
  values: FormValues,
  fields: readonly string[],
) {
  if (r.ok) {
    const done = t(c.get("lang"), `admin.done.${r.kind}`, { name: r.subject.username });
    if (wantsFragment(c)) return render(c, 200, { done });
    return c.redirect(`/admin/users?done=${r.kind}&user=${r.subject.id}`, 303);
  }
  if (r.status === 404) return notFound(c);
  const { password: _omitted, ...kept } = values;
  return render(c, r.status, {
    refused: { id: formId, values: kept, errors: fieldErrors(c.get("lang"), r.issues, fields) },
  });
}

/** Runs a per-user action on the path's id; a malformed id is simply not found. */
const onUser =
  (
    what: "role" | "password" | "active",
    run: (c: Context<AppEnv>, id: number, f: FormValues, by: AdminActor) => Promise<AdminResult>,
    fields: readonly string[],
  ) =>
  async (c: Context<AppEnv>) => {
    const by = await actor(c);
    const id = pathId(c);
    const values = await readForm(c);
    const r: AdminResult = id === null ? { ok: false, status: 404, issues: [] } : await run(c, id, values, by);
    return answer(c, r, id === null || what === "active" ? "_" : rowForm(id), values, fields);
  };

// 用户管理 user administration, admins only (ROUTE_POLICY).
export const adminUserPages = new Hono<AppEnv>()
  .get("/", async (c) => {
    await authorize(c);
    return c.redirect("/admin/users", 303);
  })
  .get("/users", async (c) => {
    const kind = c.req.query("done");
    const {
      results: [users],
    } = await authorize(c, (db) => [usersQuery(db)]);
    const subject = users.find((u) => String(u.id) === c.req.query("user"));
    const done =
      kind && DONE_KINDS.has(kind) && subject
        ? t(c.get("lang"), `admin.done.${kind}`, { name: subject.username })
        : undefined;
    return c.html(<UsersPage ctx={pageCtx(c)} users={users} done={done} />);
  })
  .post("/users", async (c) => {
    const by = await actor(c);
    const f = await readForm(c);
    const body = {
      username: blankToUndefined(f.username),
      displayName: blankToUndefined(f.displayName),
      role: blankToUndefined(f.role),
      password: blankToUndefined(f.password),
    };
    return answer(c, await createUserOp(getDb(c.env), body, by), CREATE_FORM, f, [
      "username",
      "displayName",
      "role",
      "password",
    ]);
  })
  .post(
    "/users/:id/role",
    onUser("role", (c, id, f, by) => setRoleOp(getDb(c.env), id, { role: blankToUndefined(f.role) }, by), ["role"]),
  )
  .post(
    "/users/:id/password",
    onUser(
      "password",
      (c, id, f, by) => resetPasswordOp(getDb(c.env), id, { password: blankToUndefined(f.password) }, by),
      ["password"],
    ),
  )
  .post(
    "/users/:id/deactivate",
    onUser("active", (c, id, _f, by) => setActiveOp(getDb(c.env), id, false, by), []),
  )
  .post(
    "/users/:id/reactivate",
    onUser("active", (c, id, _f, by) => setActiveOp(getDb(c.env), id, true, by), []),
  );
