import type { Context } from "hono";
import type { AppEnv, SessionUser } from "../src/env";
import { t, type Lang } from "../src/i18n";

/** What every view needs to know about the request, without touching Hono. */
export type PageCtx = {
  lang: Lang;
  user: SessionUser | null;
  orgName: string;
  htmxUrl: string;
  /** This response's CSP nonce: the one script tag that may run carries it. */
  nonce: string;
  path: string;
  /** Today in Asia/Shanghai, from the request's clock: the date every rule on the page was judged on. */
  today: string;
  /** This request's instant (ISO, UTC), from the same clock: a printed page says when it was made. */
  now: string;
  /** URL of the current page in the other language. */
  otherLangUrl: string;
  t: (key: string, params?: Record<string, string | number>) => string;
};

export const HTMX_VERSION = "2.0.11";
export const HTMX_CDN_URL = `https://cdn.jsdelivr.net/npm/htmx.org@${HTMX_VERSION}/dist/htmx.min.js`;
// SRI of the exact bytes of htmx.org@2.0.11/dist/htmx.min.js (the same file node_modules holds).
export const HTMX_SRI = "sha384-2OatzQy1H+Zd/IIrjr1TcuDGqLXeHhbooAyJY1KdQMKnr4LZ22k31GBLdYKHmVjg";

export function pageCtx(c: Context<AppEnv>): PageCtx {
  const lang = c.get("lang") ?? "zh-CN";
  const url = new URL(c.req.url);
  url.searchParams.set("lang", lang === "en" ? "zh-CN" : "en");
  return {
    lang,
    user: c.get("user") ?? null,
    orgName: c.env.ORG_NAME || "自然资源和规划分局",
    htmxUrl: c.env.HTMX_URL || HTMX_CDN_URL,
    nonce: c.get("secureHeadersNonce") ?? "",
    path: url.pathname,
    today: c.get("today") ?? "",
    now: c.get("now") ?? "",
    otherLangUrl: url.pathname + url.search,
    t: (key, params) => t(lang, key, params),
  };
}
