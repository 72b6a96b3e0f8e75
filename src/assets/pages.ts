import { Hono } from "hono";
import { CSS, STYLE_FILE } from "./style";
import type { AppEnv } from "../env";

export const assetPages = new Hono<AppEnv>()
  .get("/healthz", (c) => c.json({ ok: true }))
  .get("/assets/:file", (c) => {
    if (c.req.param("file") !== STYLE_FILE) return c.notFound();
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    return c.body(CSS);
  });
