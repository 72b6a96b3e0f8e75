import type { Context } from "hono";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { HTMX_CDN_URL } from "../../views/page-context";

/**
 * The one htmx file scripts may load from, named by its full URL (the pinned CDN file, or an
 * intranet mirror set in HTMX_URL, resolved against this site): a CDN origin alone would allow every
 * npm file it serves. `;` and `,` are percent-encoded so a configured URL cannot add directives.
 */
export function htmxSource(c: Context): string {
  const env = c.env as { HTMX_URL?: string } | undefined;
  const url = new URL(env?.HTMX_URL || HTMX_CDN_URL, new URL(c.req.url));
  return `${url.origin}${url.pathname}`.replace(/;/g, "%3B").replace(/,/g, "%2C");
}

/**
 * Security headers on every response, a fresh CSP nonce each time. Scripts run only with the nonce
 * (the layout's htmx tag) or from htmx's origin; no inline styles anywhere, so style-src needs no
 * 'unsafe-inline'. The referrer stays within the site: "same-origin" rather than "no-referrer",
 * because the latter makes browsers send `Origin: null` on same-site form posts, which the CSRF
 * check would refuse.
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: [NONCE, htmxSource],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  strictTransportSecurity: "max-age=31536000; includeSubDomains",
  referrerPolicy: "same-origin",
  xFrameOptions: "DENY",
  xContentTypeOptions: true,
});
