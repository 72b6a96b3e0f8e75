import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { isApi, problem } from "./respond";

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * The JSON API takes bodies only as application/json (415 otherwise), checked here once for every
 * API route. A cross-site page cannot send that type without a CORS preflight, which this API never
 * grants, so the API needs no Origin check: hono/csrf guards the form routes instead.
 */
export const jsonOnlyApi = createMiddleware<AppEnv>(async (c, next) => {
  const carriesBody = c.req.method === "POST" || c.req.method === "PUT" || c.req.method === "PATCH";
  if (isApi(c) && carriesBody && !JSON_TYPE.test(c.req.header("Content-Type") ?? ""))
    return problem(c, 415, "unsupported_media_type");
  await next();
});
