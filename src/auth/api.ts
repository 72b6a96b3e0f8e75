import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { z } from "zod";
import { attemptLogin } from "./attempt";
import { issueDeviceCookie } from "./device";
import { deleteSession } from "../http/session";
import { getDb } from "../db/client";
import { issuesFromZod } from "../domain/issues";
import type { AppEnv } from "../env";
import { clearSessionCookie, sessionCookieName, setSessionCookie } from "../http/cookies";
import { problem } from "../http/respond";
import { readJson } from "../http/json";
import { t } from "../i18n";

const credentials = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) });

export const sessionApi = new Hono<AppEnv>()
  .post("/", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = credentials.safeParse(body.value, { reportInput: true });
    if (!parsed.success) return problem(c, 422, "validation", issuesFromZod(parsed.error));
    const outcome = await attemptLogin(c, parsed.data.username, parsed.data.password);
    if (outcome.ok) {
      setSessionCookie(c, outcome.token, outcome.user.role);
      await issueDeviceCookie(c, outcome.user.username);
      return c.json({ user: outcome.user });
    }
    if (outcome.status === 401) return problem(c, 401, "unauthenticated");
    c.header("Retry-After", String(outcome.retryAfterSeconds));
    const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
    return c.json(
      { error: "too_many_attempts", message: t(c.get("lang"), "error.too_many_attempts", { minutes }) },
      429,
    );
  })
  .delete("/", async (c) => {
    const token = getCookie(c, sessionCookieName(c));
    if (token) await deleteSession(getDb(c.env), token);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
