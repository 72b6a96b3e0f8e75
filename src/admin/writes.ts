import { eq } from "drizzle-orm";
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
  { ok: true; kind: SecurityKind; subject: Subject } | { ok: false; status: 404 | 422; issues: Issue[] };

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

export async function setRoleOp(db: Db, id: number, body: unknown, by: AdminActor): Promise<AdminResult> {
  const user = await findUser(db, id);
  if (!user) return notFound;
  const p = parseWith(roleInput, body);
  if (!p.ok) return refused(p.issues);
  if (user.id === by.id) return selfChange;
  const to: Role = p.value.role;
  await db.batch([
    db.update(users).set({ role: to }).where(eq(users.id, id)),
    by.audit({ kind: "user_role_changed", subjectId: id, subjectName: user.username, detail: { from: user.role, to } }),
  ]);
  return { ok: true, kind: "user_role_changed", subject: user };
}

/** Sets a new password and ends every session of that user, so whoever held the old one is out. */
export async function resetPasswordOp(db: Db, id: number, body: unknown, by: AdminActor): Promise<AdminResult> {
  const user = await findUser(db, id);
  if (!user) return notFound;
  const p = parseWith(passwordInput, body);
  if (!p.ok) return refused(p.issues);
  const passwordHash = await hashPassword(p.value.password);
  await db.batch([
    db.update(users).set({ passwordHash }).where(eq(users.id, id)),
    endUserSessions(db, id),
    by.audit({ kind: "user_password_reset", subjectId: id, subjectName: user.username }),
  ]);
  return { ok: true, kind: "user_password_reset", subject: user };
}

/** Deactivation ends the user's sessions in the same batch: they are out at once, not at expiry. */
export async function setActiveOp(db: Db, id: number, active: boolean, by: AdminActor): Promise<AdminResult> {
  const user = await findUser(db, id);
  if (!user) return notFound;
  if (user.id === by.id) return selfChange;
  const kind = active ? "user_reactivated" : "user_deactivated";
  await db.batch([
    db.update(users).set({ active }).where(eq(users.id, id)),
    ...(active ? [] : [endUserSessions(db, id)]),
    by.audit({ kind, subjectId: id, subjectName: user.username }),
  ]);
  return { ok: true, kind, subject: user };
}
