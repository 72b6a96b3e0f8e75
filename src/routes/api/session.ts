import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { z } from "zod";
import { checkCredentials } from "../../auth/login";
import { createSession, deleteSession } from "../../auth/sessions";
import { getDb } from "../../db/client";
import { issuesFromZod } from "../../domain/issues";
import type { AppEnv } from "../../env";
import { clearSessionCookie, sessionCookieName, setSessionCookie } from "../../http/cookies";
import { problem } from "../../http/respond";
import { readJson } from "../../http/json";

const credentials = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) });

export const sessionApi = new Hono<AppEnv>()
  .post("/", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = credentials.safeParse(body.value, { reportInput: true });
    if (!parsed.success) return problem(c, 422, "validation", issuesFromZod(parsed.error));
    const db = getDb(c.env);
    const user = await checkCredentials(db, parsed.data.username, parsed.data.password);
    if (!user) return problem(c, 401, "unauthenticated");
    setSessionCookie(c, await createSession(db, user.id, new Date(c.get("now"))));
    return c.json({ user });
  })
  .delete("/", async (c) => {
    const token = getCookie(c, sessionCookieName(c));
    if (token) await deleteSession(getDb(c.env), token);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
