import type { SecureHeadersVariables } from "hono/secure-headers";
import type { User } from "./db/schema";
import type { Policy } from "./http/policy";
import type { Lang } from "./i18n";

export type Role = User["role"];
export type SessionUser = Pick<User, "id" | "username" | "displayName" | "role">;

export type AppEnv = {
  // DEVICE_KEY is a secret (`wrangler secret put DEVICE_KEY`), so `wrangler types` does not list it.
  Bindings: Env & { DEVICE_KEY?: string };
  Variables: {
    /** The session's user once `authorize` (or `resolveUser`) has looked it up; null before and without one. */
    user: SessionUser | null;
    /** SHA-256 of the session cookie's token, or null without a cookie: the lookup itself waits for the page's batch. */
    sessionId: string | null;
    /** Who may call the matched route (the policy table's entry); set before the handler runs. */
    policy: Policy | undefined;
    /** True once the session was looked up and the policy held: the policy middleware checks it after the handler. */
    authorized: boolean;
    lang: Lang;
    /** Today's calendar date in Asia/Shanghai, from the request's clock (see http/clock.ts). */
    today: string;
    /** The request's instant, ISO (UTC), from the same clock. */
    now: string;
  } & SecureHeadersVariables;
};
