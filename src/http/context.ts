import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { findSessionUser } from "../auth/sessions";
import { getDb } from "../db/client";
import { shanghaiDate } from "../domain/dates";
import type { AppEnv } from "../env";
import { pickLang } from "../i18n";
import { sessionCookieName, setLangCookie } from "./cookies";

/** Per request: the instant, today in Asia/Shanghai, the language and the session's user. */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const now = new Date();
  c.set("now", now.toISOString());
  c.set("today", shanghaiDate(now));
  const asked = c.req.query("lang");
  c.set("lang", pickLang(asked, getCookie(c, "lang"), c.req.header("Accept-Language")));
  if (asked === "en" || asked === "zh-CN") setLangCookie(c, asked);
  const token = getCookie(c, sessionCookieName(c));
  c.set("user", token ? await findSessionUser(getDb(c.env), token, now) : null);
  await next();
});
