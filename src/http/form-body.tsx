import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { t } from "../i18n";
import { ErrorPage } from "../../views/error-page";
import { isApi } from "./respond";

/**
 * Parses a form post's body once, up front: a malformed one (say, multipart without its boundary)
 * makes the parser throw, which must be the sender's 400, not our 500. Hono keeps the parsed body,
 * so the handler's own parseBody() costs nothing more.
 */
export const readableForms = createMiddleware<AppEnv>(async (c, next) => {
  if (isApi(c) || !["POST", "PUT", "PATCH"].includes(c.req.method)) return next();
  try {
    await c.req.parseBody();
  } catch {
    return c.html(<ErrorPage c={c} status={400} message={t(c.get("lang"), "error.bad_request")} />, 400);
  }
  await next();
});
