import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { loginLocks, projects, sessions, users } from "../db/schema";
import type { Role } from "../env";

// The home page's own reads: the role gates that keep each role's reads from running for the others, a
// lead's own projects, and login lock-outs still in force (the admin's item "locked accounts"). The role is
// known only once the session is read, in the same batch, so it is asked for again inside the statements.
// Whether the session is live is the lookup's question: a refused session's results are never used.

/**
 * True when session `sessionId` belongs to a user of `role`: the gate of a role's reads, put in their index
 * ranges' first keys (db/gate.ts) so that for another role they read no row.
 */
export const sessionHasRole = (sessionId: string, role: Role) =>
  sql`EXISTS (SELECT 1 FROM sessions gs JOIN users gu ON gu.id = gs.user_id WHERE gs.id = ${sessionId} AND gu.role = ${role})`;

/**
 * The ids of the projects of the session's user if a lead: those they created or lead (leader is the name
 * the project was given). Looked up by projects_created_by_idx and projects_leader_idx; no row for another role.
 */
export const ownProjectIdsQuery = (db: Db, sessionId: string) =>
  db
    .select({ id: projects.id })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.role, "lead")))
    .innerJoin(projects, or(eq(projects.createdBy, users.id), eq(projects.leader, users.displayName)))
    .where(eq(sessions.id, sessionId));

/** Lock-outs in force at `nowIso`, soonest lifted first. */
export const activeLocksQuery = (db: Db, nowIso: string) =>
  db
    .select({ key: loginLocks.key, lockedUntil: loginLocks.lockedUntil })
    .from(loginLocks)
    .where(gt(loginLocks.lockedUntil, nowIso))
    .orderBy(asc(loginLocks.lockedUntil))
    .limit(100);
