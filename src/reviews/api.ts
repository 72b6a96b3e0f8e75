import { Hono } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { problem } from "../http/respond";
import { reviewJson } from "./json";
import { parseWeekQuery } from "./list-query";
import { loadReview } from "./load";

/** GET /api/v1/reviews/weekly?week=: the review as JSON (docs/PRODUCT.md §9); a bad week is a 400. */
export const reviewsApi = new Hono<AppEnv>().get("/weekly", async (c) => {
  const q = parseWeekQuery(c.req.query(), c.get("today"));
  if (!q.ok) {
    await authorize(c);
    return problem(c, 400, "bad_week", q.issues);
  }
  return c.json(reviewJson(await loadReview(c, q.week)));
});
