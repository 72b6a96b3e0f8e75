import { ROUTE_POLICY } from "../../src/http/policy";
import type { PageCtx } from "../page-context";

/**
 * Whether the page's user may call `route` ("METHOD /path" as in ROUTE_POLICY): pages offer only
 * the actions the server would accept, read from the same table that enforces them.
 */
export function can(ctx: PageCtx, route: string): boolean {
  const policy = ROUTE_POLICY[route];
  if (policy === "public") return true;
  if (!ctx.user || policy === undefined) return false;
  return policy === "authenticated" || policy.includes(ctx.user.role);
}
