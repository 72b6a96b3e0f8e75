import type { Context } from "hono";
import type { AppEnv, SessionUser } from "../env";

/** What every write needs to know about its caller: who, and the request's today and now (one clock). */
export type Actor = { user: SessionUser; today: string; now: string };

/** The authorized user as the author of a write, with the request's today and now. */
export const actorOf = (c: Context<AppEnv>, user: SessionUser): Actor => ({
  user,
  today: c.get("today"),
  now: c.get("now"),
});
