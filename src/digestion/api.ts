import { Hono } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { problem } from "../http/respond";
import { digestionReads, shapeDigestion } from "./figures";
import { digestionJson } from "./json";
import { parseDigestionQuery } from "./list-query";

/** GET /api/v1/digestion?year=&asOf=: the page's figures as JSON (docs/PRODUCT.md §9), one D1 round trip. */
export const digestionApi = new Hono<AppEnv>().get("/", async (c) => {
  const q = parseDigestionQuery(c.req.query(), c.get("today"));
  if (!q.ok) {
    await authorize(c);
    return problem(c, 400, "bad_request", q.issues);
  }
  const { results } = await authorize(c, (db) => digestionReads(db, q));
  return c.json(digestionJson(shapeDigestion(q, results)));
});
