import { eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { violates } from "../db/errors";
import { users, type User } from "../db/schema";
import { text } from "../domain/fields";
import { parseWith, type Issue } from "../domain/issues";
import type { Role } from "../env";
import { hashPassword } from "../domain/password";
import type { SecurityEvent, SecurityKind, securityLogInsert } from "../http/audit";
import { endUserSessions } from "../http/session";

export const ROLES = users.role.enumValues;
/** The roles least privileged first: a role select starts on viewer (只读), so a slip grants the least. */
export const ROLES_BY_PRIVILEGE = ["viewer", "lead", "officer", "admin"] as const satisfies readonly Role[];
export const MIN_PASSWORD_LENGTH = 10;

const password = z.string().min(MIN_PASSWORD_LENGTH).max(200);
const role = z.enum(ROLES);
const username = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .refine((v) => /^[A-Za-z0-9._-]+$/.test(v), { message: "admin_username_format" });

export const createUserInput = z.object({ username, displayName: text(50), role, password });
export const roleInput = z.object({ role });
export const passwordInput = z.object({ password });

/** The acting admin and how to log: the log entry goes into the same D1 batch as the change. */
export type AdminActor = { id: number; audit: (e: SecurityEvent) => ReturnType<typeof securityLogInsert> };
type Subject = Pick<User, "id" | "username">;
export type AdminResult =
  | { ok: true; kind: SecurityKind; kinds?: SecurityKind[]; subject: Subject }
  | { ok: false; status: 404 | 409 | 422; issues: Issue[] };

const refused = (issues: Issue[]): AdminResult => ({ ok: false, status: 422, issues });
const notFound: AdminResult = { ok: false, status: 404, issues: [] };

const findUser = async (db: Db, id: number) => (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];

/** Creates an account (用户); a taken username is a field error, not a crash. */
export async function createUserOp(db: Db, body: unknown, by: AdminActor): Promise<AdminResult> {
  const p = parseWith(createUserInput, body);
  if (!p.ok) return refused(p.issues);
  const v = p.value;
  const taken = [{ path: "username", code: "admin_username_taken" }];
  if ((await db.select({ id: users.id }).from(users).where(eq(users.username, v.username)).limit(1)).length)
    return refused(taken);
  const passwordHash = await hashPassword(v.password);
  try {
    const [inserted] = await db.batch([
      db
        .insert(users)
        .values({ username: v.username, displayName: v.displayName, role: v.role, passwordHash })
        .returning({ id: users.id, username: users.username }),
      by.audit({ kind: "user_created", subjectName: v.username, detail: { role: v.role } }),
    ]);
    return { ok: true, kind: "user_created", subject: inserted[0] };
  } catch (e) {
    if (violates(e, "UNIQUE")) return refused(taken);
    throw e;
  }
}

// An admin cannot demote or deactivate themself: the bureau can never be left without an admin.
const selfChange: AdminResult = refused([{ path: "_", code: "admin_self_change" }]);
const lastAdmin: AdminResult = { ok: false, status: 409, issues: [{ path: "_", code: "admin_last_admin" }] };

/** One account change: any of a new role, active flag, password hash. */
type Change = { role?: Role; active?: boolean; passwordHash?: string };

// A statement that fails the whole batch when `condition` holds (src/batches/approval-write.ts).
const guard = (condition: SQL) => sql`INSERT INTO write_guards (ok) SELECT 0 WHERE ${condition}`;

/**
 * Applies a change and its log entries in ONE D1 batch. A demotion or deactivation carries a guard
 * that fails the batch (write_guards' CHECK, so D1 rolls it all back) when no active admin would
 * remain: checked inside the batch, two admins demoting each other at once cannot both pass.
 */
async function applyChange(db: Db, user: User, ch: Change, by: AdminActor): Promise<AdminResult> {
  const subject = { subjectId: user.id, subjectName: user.username };
  const events: SecurityEvent[] = [];
  if (ch.role !== undefined && ch.role !== user.role)
    events.push({ kind: "user_role_changed", ...subject, detail: { from: user.role, to: ch.role } });
  if (ch.active !== undefined) events.push({ kind: ch.active ? "user_reactivated" : "user_deactivated", ...subject });
  if (ch.passwordHash !== undefined) events.push({ kind: "user_password_reset", ...subject });
  const mayLoseAdmin = (ch.role !== undefined && ch.role !== "admin") || ch.active === false;
  const endsSessions = ch.active === false || ch.passwordHash !== undefined;
  try {
    await db.batch([
      db.update(users).set(ch).where(eq(users.id, user.id)),
      ...(mayLoseAdmin
        ? [db.run(guard(sql`NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND active = 1)`))]
        : []),
      ...(endsSessions ? [endUserSessions(db, user.id)] : []),
      ...events.map(by.audit),
    ]);
  } catch (e) {
    // The only CHECK in the batch is write_guards': the guard fired, and nothing was written.
    if (violates(e, "CHECK")) return lastAdmin;
    throw e;
  }
  const kinds = events.map((e) => e.kind);
  return { ok: true, kind: kinds[0] ?? "user_role_changed", kinds, subject: user };
}

export async function setRoleOp(db: Db, id: number, body: unknown, by: AdminActor): Promise<AdminResult> {
  const user = await findUser(db, id);
  if (!user) return notFound;
  const p = parseWith(roleInput, body);
  if (!p.ok) return refused(p.issues);
  if (user.id === by.id) return selfChange;
  return applyChange(db, user, { role: p.value.role }, by);
}

/** Sets a new password and ends every session of that user, so whoever held the old one is out. */
export async function resetPasswordOp(db: Db, id: number, body: unknown, by: AdminActor): Promise<AdminResult> {
  const user = await findUser(db, id);
  if (!user) return notFound;
  const p = parseWith(passwordInput, body);
  if (!p.ok) return refused(p.issues);
  return applyChange(db, user, { passwordHash: await hashPassword(p.value.password) }, by);
}

/** Deactivation ends the user's sessions in the same batch: they are out at once, not at expiry. */
export async function setActiveOp(db: Db, id: number, active: boolean, by: AdminActor): Promise<AdminResult> {
  const user = await findUser(db, id);
  if (!user) return notFound;
  if (user.id === by.id) return selfChange;
  return applyChange(db, user, { active }, by);
}

export const patchUserInput = z
  .object({ role: role.optional(), active: z.boolean().optional(), password: password.optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.active !== undefined || v.password !== undefined, {
    message: "admin_nothing_to_change",
  });

/** PATCH /api/v1/users/:id: any of role, active, password, applied together in one batch. */
export async function patchUserOp(db: Db, id: number, body: unknown, by: AdminActor): Promise<AdminResult> {
  const user = await findUser(db, id);
  if (!user) return notFound;
  const p = parseWith(patchUserInput, body);
  if (!p.ok) return refused(p.issues);
  const { password: typed, ...rest } = p.value;
  if (user.id === by.id && (rest.role !== undefined || rest.active !== undefined)) return selfChange;
  return applyChange(db, user, { ...rest, ...(typed ? { passwordHash: await hashPassword(typed) } : {}) }, by);
}
