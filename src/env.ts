import type { SecureHeadersVariables } from "hono/secure-headers";
import type { User } from "./db/schema";
import type { Lang } from "./i18n";

export type Role = User["role"];
export type SessionUser = Pick<User, "id" | "username" | "displayName" | "role">;

export type AppEnv = {
  Bindings: Env;
  Variables: {
    user: SessionUser | null;
    lang: Lang;
    /** Today's calendar date in Asia/Shanghai, computed once per request. */
    today: string;
    /** The request's instant, ISO (UTC). */
    now: string;
  } & SecureHeadersVariables;
};
