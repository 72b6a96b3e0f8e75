import { and, gt, inArray, lte, sql } from "drizzle-orm";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import { loginFailures, loginLocks } from "../db/schema";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
/** More failures than this within the window lock the key. */
export const MAX_FAILURES_PER_PAIR = 5;
export const MAX_FAILURES_PER_USERNAME = 5;
/** Higher: a whole office shares one address behind its NAT. */
export const MAX_FAILURES_PER_ADDRESS = 20;

/** `device`: the nonce of a valid device cookie for this username (src/auth/device.ts), if the browser has one. */
export type ThrottleKeys = { username: string; address: string; device?: string | null };
export type LockKind = "pair" | "user" | "ip" | "device";

/**
 * The counters an attempt is judged by (OWASP's device-cookie scheme). A browser without a device
 * cookie for this user: its (username, address) pair, the username across all addresses, and its
 * address across all usernames. A browser that has logged in as this user before: only its own
 * device's counter, so strangers' failures for the username or the address cannot lock it out.
 */
function keysOf(k: ThrottleKeys): [LockKind, string, number][] {
  if (k.device) return [["device", `device:${k.username}|${k.device}`, MAX_FAILURES_PER_PAIR]];
  return [
    ["pair", `pair:${k.username}|${k.address}`, MAX_FAILURES_PER_PAIR],
    ["user", `user:${k.username}`, MAX_FAILURES_PER_USERNAME],
    ["ip", `ip:${k.address}`, MAX_FAILURES_PER_ADDRESS],
  ];
}

/** When the latest lock binding this attempt ends, or null when none does. */
export async function lockedUntil(db: Db, k: ThrottleKeys, now: Date): Promise<string | null> {
  const keys = keysOf(k).map(([, key]) => key);
  const rows = await db
    .select({ until: loginLocks.lockedUntil })
    .from(loginLocks)
    .where(and(inArray(loginLocks.key, keys), gt(loginLocks.lockedUntil, now.toISOString())));
  return (
    rows
      .map((r) => r.until)
      .sort()
      .at(-1) ?? null
  );
}

/**
 * Records one failed login against each of the attempt's keys and locks each key whose failures in
 * the last 15 minutes now exceed its limit, all in one D1 batch. Returns the kinds this failure locked.
 */
export async function recordFailure(
  db: Db,
  k: ThrottleKeys,
  now: Date,
): Promise<{ locked: LockKind[]; until: string }> {
  const keys = keysOf(k);
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const until = new Date(now.getTime() + LOCK_MS).toISOString();
  const lockIfOver = (key: string, limit: number) =>
    sql`INSERT INTO login_locks (key, locked_until)
        SELECT ${key}, ${until} WHERE (SELECT count(*) FROM login_failures WHERE key = ${key} AND at > ${windowStart}) > ${limit}
        ON CONFLICT(key) DO UPDATE SET locked_until = excluded.locked_until RETURNING key`;
  const [, , , ...locks] = await runBatch(db, [
    // Only the window matters, so anything older goes: the table stays small.
    db.delete(loginFailures).where(lte(loginFailures.at, windowStart)),
    db.delete(loginLocks).where(lte(loginLocks.lockedUntil, at)),
    db.insert(loginFailures).values(keys.map(([, key]) => ({ key, at }))),
    ...keys.map(([, key, limit]) => lockIfOver(key, limit)),
  ]);
  return { locked: keys.filter((_, i) => locks[i].results.length).map(([kind]) => kind), until };
}

/** A successful login forgives the username's and this browser's earlier typos (never the address's). */
export async function forgiveUsername(db: Db, k: ThrottleKeys): Promise<void> {
  const keys = keysOf(k)
    .filter(([kind]) => kind !== "ip")
    .map(([, key]) => key);
  await db.delete(loginFailures).where(inArray(loginFailures.key, [...keys, `user:${k.username}`]));
}

/** The lock-outs in force now, for the admins' page (few rows: locks end after 15 minutes). */
export const activeLocksQuery = (db: Db, now: string) =>
  db.select().from(loginLocks).where(gt(loginLocks.lockedUntil, now)).orderBy(loginLocks.key);

/** Lifts a lock-out: the lock and the failures behind it go, so the next typo does not re-lock at once. */
export const liftLockStatements = (db: Db, key: string) =>
  [
    db.delete(loginLocks).where(inArray(loginLocks.key, [key])),
    db.delete(loginFailures).where(inArray(loginFailures.key, [key])),
  ] as const;
