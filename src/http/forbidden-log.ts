import { createMiddleware } from "hono/factory";
import { anonymousRefusalUpsert, securityLogInsert } from "./audit";
import { resolveUser } from "./authorize";
import { getDb } from "../db/client";
import type { AppEnv } from "../env";

/**
 * Writes every 403 to the security log, whoever refused it (the route table, the CSRF check, a
 * handler's own rule), so a probe of forbidden routes leaves a trace: a signed-in user's one row each,
 * anonymous ones counted per address and hour (http/audit.ts), so a flood cannot fill the log.
 */
export const logForbidden = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (c.res.status !== 403) return;
  try {
    // A refusal before any handler ran (the CSRF check) has not looked the session up yet.
    const user = await resolveUser(c);
    const db = getDb(c.env);
    if (!user) await anonymousRefusalUpsert(db, c, "forbidden");
    else await securityLogInsert(db, c, { kind: "forbidden", detail: { role: user.role } });
  } catch (err) {
    // A log failure must not turn the refusal into a 500.
    console.error("security log write failed", err);
  }
});
