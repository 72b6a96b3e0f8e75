import type { Context } from "hono";
import type { AppEnv } from "../env";
import { problem } from "./respond";

type Read = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * The request's JSON body; malformed JSON is the sender's 400. The content type was checked once for
 * every API route by `jsonOnlyApi` (http/json-only.ts) before any handler ran.
 */
export async function readJson(c: Context<AppEnv>): Promise<Read> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false, response: problem(c, 400, "bad_request") };
  }
}
