import { and, eq, gt } from "drizzle-orm";
import type { Db } from "../db/client";
import { sessions, users } from "../db/schema";
import type { SessionUser } from "../env";

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000; // idle expiry
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000; // absolute expiry

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Starts a session and returns the token for the cookie; only its hash is stored. */
export async function createSession(db: Db, userId: number, now: Date): Promise<string> {
  const token = [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, "0")).join("");
  const at = now.toISOString();
  await db.insert(sessions).values({
    id: await sha256(token),
    userId,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  });
  return token;
}

/** The active user behind a token, or null when unknown, expired, idle too long or deactivated. */
export async function findSessionUser(db: Db, token: string, now: Date): Promise<SessionUser | null> {
  const id = await sha256(token);
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, active: users.active, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now.toISOString())))
    .limit(1);
  const row = rows[0];
  if (!row || !row.active) return null;
  if (now.getTime() - Date.parse(row.lastSeenAt) > SESSION_IDLE_MS) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  // Touch at most once a minute so reads stay cheap.
  if (now.getTime() - Date.parse(row.lastSeenAt) > 60_000)
    await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id));
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

/** Ends one session server-side: the token stops working even if a copy of the cookie survives. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, await sha256(token)));
}

/** The statement ending every session of a user, for batching with deactivation or a password reset. */
export const endUserSessions = (db: Db, userId: number) => db.delete(sessions).where(eq(sessions.userId, userId));
