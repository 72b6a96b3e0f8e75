import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { attemptLogin } from "./attempt";
import { deleteSession } from "../http/session";
import { getDb } from "../db/client";
import type { AppEnv } from "../env";
import { clearSessionCookie, sessionCookieName, setSessionCookie } from "../http/cookies";
import { LoginPage } from "../../views/auth/login-page";
import { pageCtx } from "../../views/page-context";

/** Only same-site paths may follow a login, so the form cannot bounce a user elsewhere. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export const authPages = new Hono<AppEnv>()
  .get("/login", (c) => c.html(<LoginPage ctx={pageCtx(c)} next={safeNext(c.req.query("next"))} />))
  .post("/login", async (c) => {
    const form = await c.req.parseBody();
    const username = typeof form.username === "string" ? form.username.slice(0, 100) : "";
    const password = typeof form.password === "string" ? form.password.slice(0, 1000) : "";
    const next = safeNext(c.req.query("next"));
    const outcome =
      username && password ? await attemptLogin(c, username, password) : ({ ok: false, status: 401 } as const);
    if (outcome.ok) {
      setSessionCookie(c, outcome.token);
      return c.redirect(next, 303);
    }
    if (outcome.status === 429) {
      c.header("Retry-After", String(outcome.retryAfterSeconds));
      const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
      return c.html(<LoginPage ctx={pageCtx(c)} next={next} username={username} lockedMinutes={minutes} />, 429);
    }
    return c.html(<LoginPage ctx={pageCtx(c)} next={next} username={username} failed />, 401);
  })
  .post("/logout", async (c) => {
    const token = getCookie(c, sessionCookieName(c));
    if (token) await deleteSession(getDb(c.env), token);
    clearSessionCookie(c);
    return c.redirect("/login", 303);
  });
