import { asc, desc, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { securityLog, users, type SecurityLogEntry } from "../db/schema";

export const SECURITY_LOG_PAGE_SIZE = 50;

/** Every account, oldest first, without its password hash. */
export const usersQuery = (db: Db) =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.id));
export type UserListItem = Awaited<ReturnType<typeof usersQuery>>[number];

/** The security log newest first, keyset-paged on id: entries older than `before`, one more than a page. */
export const securityLogQuery = (db: Db, before: number | null, limit = SECURITY_LOG_PAGE_SIZE) =>
  db
    .select()
    .from(securityLog)
    .where(before === null ? undefined : lt(securityLog.id, before))
    .orderBy(desc(securityLog.id))
    .limit(limit + 1);

/** A page of the log and the cursor for the next one. */
export function securityLogPage(rows: SecurityLogEntry[], limit = SECURITY_LOG_PAGE_SIZE) {
  const items = rows.slice(0, limit);
  return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null };
}
