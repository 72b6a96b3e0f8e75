import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

// __Host- needs Secure, which plain http://127.0.0.1 in dev cannot carry.
const isHttps = (c: Context) => new URL(c.req.url).protocol === "https:";

export const sessionCookieName = (c: Context) => (isHttps(c) ? "__Host-session" : "session");

const SESSION_MAX_AGE = 7 * 24 * 60 * 60;

/** The new session's cookie, and the role hint of its user. */
export function setSessionCookie(c: Context, token: string, role: string) {
  setCookie(c, sessionCookieName(c), token, {
    path: "/",
    httpOnly: true,
    secure: isHttps(c),
    sameSite: "Lax",
    maxAge: SESSION_MAX_AGE,
  });
  setRoleHint(c, role);
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, sessionCookieName(c), { path: "/", secure: isHttps(c) });
  deleteCookie(c, ROLE_HINT, { path: "/", secure: isHttps(c) });
}

// The role of the user this browser last logged in as, or was last shown the home page for. A HINT ONLY, which
// the browser may change at will: the home page picks the reads to send with the session by it (src/home/work.ts),
// and nothing is allowed or shown by it. Every role is still the session's, read from D1.
const ROLE_HINT = "role";

export function setRoleHint(c: Context, role: string) {
  setCookie(c, ROLE_HINT, role, {
    path: "/",
    httpOnly: true,
    secure: isHttps(c),
    sameSite: "Lax",
    maxAge: SESSION_MAX_AGE,
  });
}

export const roleHintOf = (c: Context) => getCookie(c, ROLE_HINT);

/** Remembers an explicit language choice (?lang=), so the links and forms of the next pages keep it. */
export function setLangCookie(c: Context, lang: string) {
  setCookie(c, "lang", lang, {
    path: "/",
    httpOnly: true,
    secure: isHttps(c),
    sameSite: "Lax",
    maxAge: 365 * 24 * 60 * 60,
  });
}
