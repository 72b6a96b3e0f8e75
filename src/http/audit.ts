import { sql } from "drizzle-orm";
import type { Context } from "hono";
import type { Db } from "../db/client";
import { securityLog } from "../db/schema";
import type { AppEnv } from "../env";

export const SECURITY_KINDS = [
  "login_ok",
  "login_failed",
  "login_locked",
  "login_unlocked",
  "forbidden",
  "user_created",
  "user_role_changed",
  "user_password_reset",
  "user_deactivated",
  "user_reactivated",
] as const;
export type SecurityKind = (typeof SECURITY_KINDS)[number];

export type SecurityEvent = {
  kind: SecurityKind;
  actorId?: number | null;
  actorName?: string | null;
  subjectId?: number | null;
  subjectName?: string | null;
  detail?: Record<string, string | number | boolean | null>;
};

/** Paths are logged cut to this many characters: a junk path of any length takes a bounded row. */
export const MAX_LOGGED_PATH = 120;

/** The client's address as Cloudflare's edge saw it (clients cannot forge this header there). */
export const clientAddress = (c: Context): string => (c.req.header("CF-Connecting-IP") ?? "unknown").slice(0, 64);

/**
 * The insert for one log entry, stamped with the request's time, address, method and path. Admin
 * actions put it in the same D1 batch as their write, so no change happens unlogged.
 */
export function securityLogInsert(db: Db, c: Context<AppEnv>, e: SecurityEvent) {
  const user = c.get("user");
  return db.insert(securityLog).values({
    at: c.get("now") ?? new Date().toISOString(),
    kind: e.kind,
    actorId: e.actorId === undefined ? (user?.id ?? null) : e.actorId,
    actorName: (e.actorName === undefined ? (user?.username ?? null) : e.actorName)?.slice(0, 100) ?? null,
    subjectId: e.subjectId ?? null,
    subjectName: e.subjectName?.slice(0, 100) ?? null,
    ip: clientAddress(c),
    method: c.req.method,
    path: c.req.path.slice(0, MAX_LOGGED_PATH),
    detail: e.detail ? JSON.stringify(e.detail) : null,
  });
}

/**
 * An anonymous refusal, counted rather than logged one row each: one row per (kind, address, hour)
 * holds the first request's method and path, a count and the time of the latest. A flood of junk
 * requests so adds a row an hour per address, and real events do not scroll away.
 */
export function anonymousRefusalUpsert(db: Db, c: Context<AppEnv>, kind: SecurityKind) {
  const at = c.get("now") ?? new Date().toISOString();
  const ip = clientAddress(c);
  return db
    .insert(securityLog)
    .values({
      at,
      kind,
      ip,
      method: c.req.method,
      path: c.req.path.slice(0, MAX_LOGGED_PATH),
      windowKey: `${kind}|${ip}|${at.slice(0, 13)}`,
      lastAt: at,
    })
    .onConflictDoUpdate({
      target: securityLog.windowKey,
      // last_at only moves forward (the update trigger insists), even if requests finish out of order.
      set: {
        count: sql`${securityLog.count} + 1`,
        lastAt: sql`max(coalesce(${securityLog.lastAt}, ${securityLog.at}), excluded.at)`,
      },
    });
}

/**
 * The retention cleanup: deletes the entries older than log_retention.days by the database's clock,
 * the very rule the delete trigger enforces, so it never trips it. Run daily by the cron (src/index.ts).
 */
export async function cleanSecurityLog(db: Db): Promise<number> {
  const r = await db.run(sql`DELETE FROM security_log WHERE coalesce(last_at, at) <= strftime('%Y-%m-%dT%H:%M:%fZ',
    'now', '-' || coalesce((SELECT days FROM log_retention WHERE id = 1), 400) || ' days')`);
  return r.meta.changes ?? 0;
}
