import { asc, gt } from "drizzle-orm";
import type { Db } from "../db/client";
import { loginLocks } from "../db/schema";

// The home page's own read: login lock-outs still in force (the admin's item "locked accounts").

/** Lock-outs in force at `nowIso`, soonest lifted first. */
export const activeLocksQuery = (db: Db, nowIso: string) =>
  db
    .select({ key: loginLocks.key, lockedUntil: loginLocks.lockedUntil })
    .from(loginLocks)
    .where(gt(loginLocks.lockedUntil, nowIso))
    .orderBy(asc(loginLocks.lockedUntil))
    .limit(100);
