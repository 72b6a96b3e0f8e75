import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { Actor } from "../ops/parcel-ops";

/** The session's user as the author of a write, with the request's today and now (the policy has required a user). */
export const pageActor = (c: Context<AppEnv>): Actor => ({ user: c.get("user")!, today: c.get("today"), now: c.get("now") });
