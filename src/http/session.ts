import { and, eq, gt, gte, lt, lte, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { sessions, users } from "../db/schema";
import type { SessionUser } from "../env";

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000; // idle expiry
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000; // absolute expiry
// The last-seen stamp moves at most once a minute, so most reads write nothing.
const TOUCH_EVERY_MS = 60_000;

/** SHA-256 of a session token as hex: the table stores only this, so a leaked table leaks no live session. */
export async function sessionIdOf(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Starts a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(db: Db, userId: number, now: Date): Promise<string> {
  const token = [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, "0")).join("");
  const at = now.toISOString();
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  await db.batch([
    // The user's dead sessions (expired or idle) go when they log in again: lookups never delete.
    db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), or(lte(sessions.expiresAt, at), lt(sessions.lastSeenAt, idleSince)))),
    db.insert(sessions).values({
      id: await sessionIdOf(token),
      userId,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    }),
  ]);
  return token;
}

/**
 * The statements that look a session up, to be sent in the SAME D1 batch as a page's own reads (one
 * round trip per page): touch it if live and not touched this minute, then read its user if it is
 * neither expired nor idle too long. Both are guarded in SQL: an idle session is never revived.
 */
export function sessionStatements(db: Db, id: string, now: Date) {
  const at = now.toISOString();
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  const touchBefore = new Date(now.getTime() - TOUCH_EVERY_MS).toISOString();
  return [
    db
      .update(sessions)
      .set({ lastSeenAt: at })
      .where(
        and(
          eq(sessions.id, id),
          lt(sessions.lastSeenAt, touchBefore),
          gte(sessions.lastSeenAt, idleSince),
          gt(sessions.expiresAt, at),
        ),
      ),
    db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        active: users.active,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, id), gt(sessions.expiresAt, at), gte(sessions.lastSeenAt, idleSince)))
      .limit(1),
  ] as const;
}

/** The session's user from the lookup's rows: none when unknown, expired, idle or deactivated. */
export function sessionUserOf(
  rows: { id: number; username: string; displayName: string; role: SessionUser["role"]; active: boolean }[],
): SessionUser | null {
  const row = rows[0];
  if (!row || !row.active) return null;
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

/** Ends one session server-side: the token stops working even if a copy of the cookie survives. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, await sessionIdOf(token)));
}

/** The statement ending every session of a user, for batching with deactivation or a password reset. */
export const endUserSessions = (db: Db, userId: number) => db.delete(sessions).where(eq(sessions.userId, userId));
