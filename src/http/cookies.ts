import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";

// __Host- needs Secure, which plain http://127.0.0.1 in dev cannot carry.
const isHttps = (c: Context) => new URL(c.req.url).protocol === "https:";

export const sessionCookieName = (c: Context) => (isHttps(c) ? "__Host-session" : "session");

export function setSessionCookie(c: Context, token: string) {
  setCookie(c, sessionCookieName(c), token, {
    path: "/",
    httpOnly: true,
    secure: isHttps(c),
    sameSite: "Lax",
    maxAge: 7 * 24 * 60 * 60,
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, sessionCookieName(c), { path: "/", secure: isHttps(c) });
}

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
