import { html } from "hono/html";
import type { Child } from "hono/jsx";
import { STYLE_PATH } from "../src/assets/style";
import type { Role } from "../src/env";
import { HTMX_SRI, type PageCtx } from "./page-context";

const NAV: [string, string][] = [
  ["/", "nav.home"],
  ["/parcels", "nav.parcels"],
  ["/batches", "nav.batches"],
  ["/digestion", "nav.digestion"],
  ["/idle-land", "nav.idle"],
  ["/projects", "nav.projects"],
  ["/battle-map", "nav.battleMap"],
  ["/reviews/weekly", "nav.weekly"],
  ["/import", "nav.import"],
  ["/admin", "nav.admin"],
];

// Links to views not built yet stay hidden: a dead menu entry is worse than none.
export const LIVE_NAV = new Set([
  "/",
  "/parcels",
  "/batches",
  "/digestion",
  "/idle-land",
  "/projects",
  "/battle-map",
  "/reviews/weekly",
  "/import",
  "/admin",
]);
// Entries only some roles may open; a link that answers 403 is hidden from everyone else.
const NAV_ROLES: Record<string, readonly Role[]> = { "/admin": ["admin"], "/import": ["officer", "admin"] };
const mayOpen = (href: string, role: Role | undefined) =>
  !NAV_ROLES[href] || (role !== undefined && NAV_ROLES[href].includes(role));

/** The page shell: top bar with the bureau, the user and role, the language switch, and navigation. */
export function Layout(props: {
  ctx: PageCtx;
  title: string;
  children: Child;
  filters?: string;
  /** False for a page that prints its own header on every sheet (the weekly review). */
  printHead?: boolean;
}) {
  const { ctx } = props;
  const htmxConfig = JSON.stringify({
    allowEval: false,
    includeIndicatorStyles: false,
    historyCacheSize: 0,
    selfRequestsOnly: true,
    // The CSP allows no inline styles, so settling a `style` attribute (e.g. a resized textarea's) would only be refused.
    attributesToSettle: ["class", "width", "height"],
    // 4xx answers carry the form with its errors (422) or the conflict notice (409): swap them in place.
    responseHandling: [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "40[19]", swap: true, error: false },
      { code: "422", swap: true, error: false },
      { code: "[45]..", swap: false, error: true },
    ],
  });
  // Standards mode needs the doctype (without it the browser lays pages out in quirks mode).
  return html`<!DOCTYPE html>${(
      <html lang={ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="htmx-config" content={htmxConfig} />
          <title>{`${props.title} · ${ctx.orgName}`}</title>
          <link rel="stylesheet" href={STYLE_PATH} />
          <script src={ctx.htmxUrl} integrity={HTMX_SRI} crossorigin="anonymous" nonce={ctx.nonce} defer></script>
        </head>
        <body>
          <header class="topbar">
            <a class="org" href="/">
              {ctx.orgName}
            </a>
            <span class="app-title">{ctx.t("app.title")}</span>
            <span class="spacer" />
            {/* The request's today (Asia/Shanghai): every date rule on the page was judged on this day. */}
            <time class="today" datetime={ctx.today}>
              {ctx.today}
            </time>
            {ctx.user && (
              <span class="who">
                {ctx.user.displayName}（{ctx.t(`role.${ctx.user.role}`)}）
              </span>
            )}
            <a href={ctx.otherLangUrl} hreflang={ctx.lang === "en" ? "zh-CN" : "en"}>
              {ctx.t("nav.lang")}
            </a>
            {ctx.user && (
              <form method="post" action="/logout" class="inline">
                <button type="submit" class="link">
                  {ctx.t("nav.logout")}
                </button>
              </form>
            )}
          </header>
          {ctx.user && (
            <nav class="mainnav" aria-label="main">
              {NAV.filter(([href]) => LIVE_NAV.has(href) && mayOpen(href, ctx.user?.role)).map(([href, key]) => (
                <a
                  href={href}
                  aria-current={
                    ctx.path === href || (href !== "/" && ctx.path.startsWith(`${href}/`)) ? "page" : undefined
                  }
                >
                  {ctx.t(key)}
                </a>
              ))}
            </nav>
          )}
          {props.printHead !== false && <PrintHead ctx={ctx} title={props.title} filters={props.filters} />}
          <main>{props.children}</main>
        </body>
      </html>
    )}`;
}

/** Shanghai wall-clock time of an ISO instant, "2023-05-06 14:30" (UTC+8, no daylight saving). */
function shanghaiMinute(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? "" : new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
}

/**
 * What a printed page carries instead of the navigation (print stylesheet): the bureau, the page's
 * title, its filters in words, the date the figures are judged on and when the page was made.
 */
function PrintHead(props: { ctx: PageCtx; title: string; filters?: string }) {
  const { ctx } = props;
  return (
    <header class="print-head">
      <div>
        <span class="org">{ctx.orgName}</span> · {props.title}
      </div>
      {props.filters !== undefined && (
        <div>
          {ctx.t("print.filters")}：{props.filters || ctx.t("print.noFilters")}
        </div>
      )}
      <div>
        {ctx.t("print.dataDate")}：<time datetime={ctx.today}>{ctx.today}</time> · {ctx.t("print.printedAt")}：
        <span class="nowrap">{shanghaiMinute(ctx.now)}</span>
      </div>
    </header>
  );
}
