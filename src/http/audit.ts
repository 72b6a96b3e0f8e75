import type { Context } from "hono";
import type { Db } from "../db/client";
import { securityLog } from "../db/schema";
import type { AppEnv } from "../env";

export const SECURITY_KINDS = [
  "login_ok",
  "login_failed",
  "login_locked",
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
    path: c.req.path.slice(0, 300),
    detail: e.detail ? JSON.stringify(e.detail) : null,
  });
}
