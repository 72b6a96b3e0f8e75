import { and, asc, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { securityLog, users, type SecurityLogEntry } from "../db/schema";
import { beijingDayEnd, beijingDayStart, type LogFilter } from "./log-query";

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

function logWhere(f: LogFilter): SQL[] {
  const where: SQL[] = [];
  if (f.user) where.push(eq(securityLog.actorName, f.user));
  if (f.kind) where.push(eq(securityLog.kind, f.kind));
  if (f.from) where.push(gte(securityLog.at, beijingDayStart(f.from)));
  if (f.to) where.push(lt(securityLog.at, beijingDayEnd(f.to)));
  return where;
}

/**
 * The security log newest first, keyset-paged on id: entries older than `before`, one more than a
 * page. Filters ride the indexes (kind, id), (actor_name, id) and (at).
 */
export const securityLogQuery = (db: Db, f: LogFilter, before: number | null, limit = SECURITY_LOG_PAGE_SIZE) => {
  const where = logWhere(f);
  if (before !== null) where.push(lt(securityLog.id, before));
  return db
    .select()
    .from(securityLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(securityLog.id))
    .limit(limit + 1);
};

/** How many entries match the filter (all pages). */
export const securityLogTotalQuery = (db: Db, f: LogFilter) => {
  const where = logWhere(f);
  return db
    .select({ n: count() })
    .from(securityLog)
    .where(where.length ? and(...where) : undefined);
};

/** A page of the log and the cursor for the next one. */
export function securityLogPage(rows: SecurityLogEntry[], limit = SECURITY_LOG_PAGE_SIZE) {
  const items = rows.slice(0, limit);
  return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null };
}
