import type { Context } from "hono";
import { isHtmx } from "./respond";

/**
 * True when htmx asked for a part of a page. A history restore also comes from htmx but replaces
 * the whole body, so it gets the full page.
 */
export const wantsFragment = (c: Context) => isHtmx(c) && c.req.header("HX-History-Restore-Request") !== "true";

/** For GETs that answer a page or a fragment from one URL: caches must keep the two apart. */
export const varyOnHtmx = (c: Context) => c.header("Vary", "HX-Request, HX-History-Restore-Request");
