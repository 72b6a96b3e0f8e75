import { Hono, type Context } from "hono";
import { getCookie } from "hono/cookie";
import { attemptLogin } from "./attempt";
import { issueDeviceCookie } from "./device";
import { deleteSession } from "../http/session";
import { getDb } from "../db/client";
import type { AppEnv } from "../env";
import { clearSessionCookie, sessionCookieName, setSessionCookie } from "../http/cookies";
import { LoginPage } from "../../views/auth/login-page";
import { pageCtx } from "../../views/page-context";

/**
 * Only a path on this site may follow a login, so the form cannot bounce a user elsewhere: parsed
 * with URL against our own origin (which is how a browser reads Location), and refused outright when
 * it holds control characters (a tab is dropped by URL parsers, CR/LF would split the header) or a
 * backslash (read as a slash). Anything else goes home. The answer is re-serialised, so the Location
 * header only ever carries the parser's own percent-encoded path, and that is checked again.
 */
export function safeNext(next: string | undefined, origin: string): string {
  if (!next || !next.startsWith("/") || /[\u0000-\u001f\u007f-\u009f\\]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return "/";
  }
  // Dot segments can resolve "/..//x" to the path "//x", which a browser would read as another host.
  if (url.origin !== origin || url.pathname.startsWith("//")) return "/";
  return url.pathname + url.search + url.hash;
}

const nextOf = (c: Context<AppEnv>) => safeNext(c.req.query("next"), new URL(c.req.url).origin);

export const authPages = new Hono<AppEnv>()
  .get("/login", (c) => c.html(<LoginPage ctx={pageCtx(c)} next={nextOf(c)} />))
  .post("/login", async (c) => {
    const form = await c.req.parseBody();
    const username = typeof form.username === "string" ? form.username.slice(0, 100) : "";
    const password = typeof form.password === "string" ? form.password.slice(0, 1000) : "";
    // Known good before any session exists: nothing after the login can fail on it.
    const next = nextOf(c);
    const outcome =
      username && password ? await attemptLogin(c, username, password) : ({ ok: false, status: 401 } as const);
    if (outcome.ok) {
      setSessionCookie(c, outcome.token, outcome.user.role);
      await issueDeviceCookie(c, outcome.user.username);
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
