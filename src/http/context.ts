import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { shanghaiDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { pickLang } from "../i18n";
import { requestNow } from "./clock";
import { sessionCookieName, setLangCookie } from "./cookies";
import { sessionIdOf } from "./session";

/**
 * Per request: the instant and today in Asia/Shanghai (one clock), the language, and the session
 * cookie's id. The session itself is looked up later, inside the page's own D1 batch (authorize).
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const now = requestNow(c);
  c.set("now", now.toISOString());
  c.set("today", shanghaiDate(now));
  const asked = c.req.query("lang");
  c.set("lang", pickLang(asked, getCookie(c, "lang"), c.req.header("Accept-Language")));
  if (asked === "en" || asked === "zh-CN") setLangCookie(c, asked);
  const token = getCookie(c, sessionCookieName(c));
  c.set("sessionId", token ? await sessionIdOf(token) : null);
  c.set("user", null);
  c.set("authorized", false);
  await next();
});
