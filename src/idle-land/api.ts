import { Hono } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { problem } from "../http/respond";
import { idleJson, idleReads, parseIdleQuery, shapeIdle } from "./figures";

/** GET /api/v1/idle-land?asOf=&level=&town=: the page's figures as JSON (docs/PRODUCT.md §9), one D1 round trip. */
export const idleLandApi = new Hono<AppEnv>().get("/", async (c) => {
  const q = parseIdleQuery(c.req.query(), c.get("today"));
  if (!q.ok) {
    await authorize(c);
    return problem(c, 400, "bad_request", q.issues);
  }
  const { results } = await authorize(c, (db) => idleReads(db, q.ask));
  return c.json(idleJson(shapeIdle(q.ask, results)));
});
