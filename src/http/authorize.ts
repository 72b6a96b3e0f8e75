import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import type { Context } from "hono";
import { getDb, type Db } from "../db/client";
import type { AppEnv, SessionUser } from "../env";
import { sessionStatements, sessionUserOf } from "./session";

/** Thrown when the session or its role does not satisfy the route's policy; the app answers it with deny(). */
export class Refusal extends Error {
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? "unauthenticated" : "forbidden");
  }
}

type Reads = readonly BatchItem<"sqlite">[];

/**
 * Looks up the session IN THE SAME D1 BATCH as the handler's own reads — one round trip for a page —
 * then checks the route's policy before the handler may render or write anything. Every handler of a
 * non-public route calls this first; the policy middleware refuses an answer whose handler did not.
 * Returns the user, the reads' results (in order) and the handle to write with.
 */
export async function authorize<const T extends Reads>(
  c: Context<AppEnv>,
  reads: (db: Db) => T = () => [] as unknown as T,
): Promise<{ user: SessionUser; db: Db; results: BatchResponse<T> }> {
  const db = getDb(c.env);
  const id = c.get("sessionId");
  if (!id) throw new Refusal(401);
  const [, found, ...rest] = await db.batch([...sessionStatements(db, id, new Date(c.get("now"))), ...reads(db)]);
  const user = sessionUserOf(found);
  c.set("user", user);
  if (!user) throw new Refusal(401);
  const policy = c.get("policy");
  if (policy !== "authenticated" && !(Array.isArray(policy) && policy.includes(user.role))) throw new Refusal(403);
  c.set("authorized", true);
  return { user, db, results: rest as unknown as BatchResponse<T> };
}

/** The session's user for pages outside the policy table (404s, errors), with a lookup of its own. */
export async function resolveUser(c: Context<AppEnv>): Promise<SessionUser | null> {
  const id = c.get("sessionId");
  if (!id || c.get("user")) return c.get("user") ?? null;
  const db = getDb(c.env);
  const [, found] = await db.batch(sessionStatements(db, id, new Date(c.get("now"))));
  const user = sessionUserOf(found);
  c.set("user", user);
  return user;
}
