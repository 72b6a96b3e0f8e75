import type { Context } from "hono";
import type { AppEnv } from "../env";
import { problem } from "./respond";

type Read = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * The request's JSON body. The API takes mutations only as application/json: a cross-site form
 * cannot send that without a CORS preflight, which this API never grants.
 */
export async function readJson(c: Context<AppEnv>): Promise<Read> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type))
    return { ok: false, response: problem(c, 415, "unsupported_media_type") };
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false, response: problem(c, 400, "bad_request") };
  }
}
