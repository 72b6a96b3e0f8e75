import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env";

// 设备凭证 the device cookie of OWASP's "slow down online guessing" scheme: a browser that has logged
// in as a user carries a cookie signed with DEVICE_KEY naming that user, and is then exempt from the
// username-wide and address-wide lock-outs an attacker elsewhere can trigger (src/auth/throttle.ts).

const YEAR_S = 365 * 24 * 60 * 60;
const isHttps = (c: Context) => new URL(c.req.url).protocol === "https:";
const cookieName = (c: Context) => (isHttps(c) ? "__Host-device" : "device");

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

async function sign(key: string, message: string): Promise<string> {
  const k = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return b64url(new Uint8Array(await crypto.subtle.sign("HMAC", k, new TextEncoder().encode(message))));
}

/** Constant-time comparison of two signatures. */
function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The device's id (its nonce) when the browser carries a valid device cookie for `username`, else null. */
export async function trustedDevice(c: Context<AppEnv>, username: string): Promise<string | null> {
  const key = c.env.DEVICE_KEY;
  const raw = getCookie(c, cookieName(c));
  if (!key || !raw) return null;
  const [name, nonce, sig] = raw.split(".");
  if (!name || !nonce || !sig) return null;
  let who: string;
  try {
    who = decodeURIComponent(atob(name.replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return null;
  }
  if (who !== username) return null;
  return same(sig, await sign(key, `${name}.${nonce}`)) ? nonce : null;
}

/** After a successful login: the browser's device cookie for this user (no DEVICE_KEY, no cookie). */
export async function issueDeviceCookie(c: Context<AppEnv>, username: string): Promise<void> {
  const key = c.env.DEVICE_KEY;
  if (!key) return;
  // The username, URI-encoded (so any text is ASCII), then base64url: no "." inside, which separates the parts.
  const nameB64 = btoa(encodeURIComponent(username)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const nonce = b64url(crypto.getRandomValues(new Uint8Array(16)));
  const value = `${nameB64}.${nonce}.${await sign(key, `${nameB64}.${nonce}`)}`;
  setCookie(c, cookieName(c), value, {
    path: "/",
    httpOnly: true,
    secure: isHttps(c),
    sameSite: "Strict",
    maxAge: YEAR_S,
  });
}
