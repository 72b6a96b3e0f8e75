import { and, gt, inArray, lte, sql } from "drizzle-orm";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import { loginFailures, loginLocks } from "../db/schema";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
/** More failures than this within the window lock the username (or the address). */
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type ThrottleKeys = { username: string; address: string };
const keysOf = (k: ThrottleKeys) => ({ user: `user:${k.username}`, ip: `ip:${k.address}` });

/** When the later lock on this username or address ends, or null when neither is locked. */
export async function lockedUntil(db: Db, k: ThrottleKeys, now: Date): Promise<string | null> {
  const { user, ip } = keysOf(k);
  const rows = await db
    .select({ until: loginLocks.lockedUntil })
    .from(loginLocks)
    .where(and(inArray(loginLocks.key, [user, ip]), gt(loginLocks.lockedUntil, now.toISOString())));
  return (
    rows
      .map((r) => r.until)
      .sort()
      .at(-1) ?? null
  );
}

/**
 * Records one failed login against both keys and locks each key whose failures in the last 15
 * minutes now exceed its limit, all in one D1 batch. Returns the keys this failure locked.
 */
export async function recordFailure(
  db: Db,
  k: ThrottleKeys,
  now: Date,
): Promise<{ locked: ("user" | "ip")[]; until: string }> {
  const { user, ip } = keysOf(k);
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const until = new Date(now.getTime() + LOCK_MS).toISOString();
  const lockIfOver = (key: string, limit: number) =>
    sql`INSERT INTO login_locks (key, locked_until)
        SELECT ${key}, ${until} WHERE (SELECT count(*) FROM login_failures WHERE key = ${key} AND at > ${windowStart}) > ${limit}
        ON CONFLICT(key) DO UPDATE SET locked_until = excluded.locked_until RETURNING key`;
  const [, , , lockedUser, lockedIp] = await runBatch(db, [
    // Only the window matters, so anything older goes: the table stays small.
    db.delete(loginFailures).where(lte(loginFailures.at, windowStart)),
    db.delete(loginLocks).where(lte(loginLocks.lockedUntil, at)),
    db.insert(loginFailures).values([
      { key: user, at },
      { key: ip, at },
    ]),
    lockIfOver(user, MAX_FAILURES_PER_USERNAME),
    lockIfOver(ip, MAX_FAILURES_PER_ADDRESS),
  ]);
  const locked: ("user" | "ip")[] = [];
  if (lockedUser.results.length) locked.push("user");
  if (lockedIp.results.length) locked.push("ip");
  return { locked, until };
}

/** A successful login forgives the username's earlier typos (never the address's). */
export async function forgiveUsername(db: Db, username: string): Promise<void> {
  await db.delete(loginFailures).where(inArray(loginFailures.key, [keysOf({ username, address: "" }).user]));
}
