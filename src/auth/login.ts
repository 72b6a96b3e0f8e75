import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import type { SessionUser } from "../env";
import { hashPassword, verifyPassword } from "../domain/password";

// Verifying against a throwaway hash when the user is unknown keeps the timing the same either way.
let decoy: Promise<string> | undefined;

/** The active user with this username and password, or null. */
export async function checkCredentials(db: Db, username: string, password: string): Promise<SessionUser | null> {
  const row = (await db.select().from(users).where(eq(users.username, username)).limit(1))[0];
  if (!row) {
    decoy ??= hashPassword("decoy-password");
    await verifyPassword(password, await decoy);
    return null;
  }
  if (!(await verifyPassword(password, row.passwordHash)) || !row.active) return null;
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}
