import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { getDb } from "../db/client";
import type { AppEnv, SessionUser } from "../env";
import { sessionCookieName } from "../http/cookies";
import { checkCredentials } from "./login";
import { clientAddress, securityLogInsert } from "../http/audit";
import { createSession, deleteSession } from "../http/session";
import { trustedDevice } from "./device";
import { forgiveUsername, lockedUntil, recordFailure } from "./throttle";

export type LoginOutcome =
  | { ok: true; user: SessionUser; token: string }
  | { ok: false; status: 401 }
  | { ok: false; status: 429; retryAfterSeconds: number };

const locked = (until: string, now: Date): LoginOutcome => ({
  ok: false,
  status: 429,
  retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000)),
});

/**
 * One login attempt, shared by the form and the API: refused outright while a lock binding this
 * browser holds (the right password included), otherwise checked, logged, and on success given a
 * brand-new session (the one the browser brought is ended, so it cannot be fixed in advance) and a
 * device cookie that exempts this browser from lock-outs others cause (src/auth/device.ts).
 */
export async function attemptLogin(c: Context<AppEnv>, username: string, password: string): Promise<LoginOutcome> {
  const db = getDb(c.env);
  const now = new Date(c.get("now"));
  // A browser that logged in as this user before is judged by its own counter only (src/auth/throttle.ts).
  const keys = { username, address: clientAddress(c), device: await trustedDevice(c, username) };
  const until = await lockedUntil(db, keys, now);
  if (until) return locked(until, now);

  const user = await checkCredentials(db, username, password);
  if (!user) {
    const failure = await recordFailure(db, keys, now);
    await db.batch([
      securityLogInsert(db, c, { kind: "login_failed", actorId: null, actorName: username }),
      ...failure.locked.map((by) =>
        securityLogInsert(db, c, {
          kind: "login_locked",
          actorId: null,
          actorName: username,
          detail: { by, until: failure.until, trusted: Boolean(keys.device) },
        }),
      ),
    ]);
    return failure.locked.length ? locked(failure.until, now) : { ok: false, status: 401 };
  }

  const previous = getCookie(c, sessionCookieName(c));
  if (previous) await deleteSession(db, previous);
  const token = await createSession(db, user.id, now);
  await forgiveUsername(db, keys);
  await securityLogInsert(db, c, { kind: "login_ok", actorId: user.id, actorName: user.username }).run();
  return { ok: true, user, token };
}
