import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Issue } from "../domain/issues";
import type { AppEnv } from "../env";
import { t, type Lang } from "../i18n";
import { ErrorPage } from "../../views/error-page";

/** True for requests htmx made (they get fragments, not pages). */
export const isHtmx = (c: Context) => c.req.header("HX-Request") === "true";
/** True for the JSON API. */
export const isApi = (c: Context) => c.req.path.startsWith("/api/");

/** Issues with their message in the request's language, for JSON bodies and forms alike. */
export function describeIssues(lang: Lang, issues: Issue[]) {
  return issues.map((i) => ({ ...i, message: t(lang, `field.${i.code}`, i.params) }));
}

/** The JSON error shape of docs/PRODUCT.md §9: `{error, message, issues?}`. */
export function problem(c: Context<AppEnv>, status: ContentfulStatusCode, code: string, issues?: Issue[]) {
  const lang = c.get("lang") ?? "zh-CN";
  const body: Record<string, unknown> = { error: code, message: t(lang, `error.${code}`) };
  if (issues) body.issues = describeIssues(lang, issues);
  return c.json(body, status);
}

/** The 404 answer for browsers and the API alike. */
export function notFound(c: Context<AppEnv>) {
  if (isApi(c)) return problem(c, 404, "not_found");
  return c.html(<ErrorPage c={c} status={404} message={t(c.get("lang") ?? "zh-CN", "error.not_found")} />, 404);
}

/** 401/403 in the shape the caller understands: JSON for the API, a login redirect or a page for browsers. */
export function deny(c: Context<AppEnv>, status: 401 | 403) {
  const code = status === 401 ? "unauthenticated" : "forbidden";
  if (isApi(c)) return problem(c, status, code);
  if (status === 401) {
    const next = encodeURIComponent(c.req.path + (new URL(c.req.url).search || ""));
    if (isHtmx(c)) {
      c.header("HX-Redirect", `/login?next=${next}`);
      return c.body(null, 401);
    }
    return c.redirect(`/login?next=${next}`, 303);
  }
  return c.html(<ErrorPage c={c} status={403} message={t(c.get("lang"), "error.forbidden")} />, 403);
}
