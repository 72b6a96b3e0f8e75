import { Hono } from "hono";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { readJson } from "../http/json";
import { problem } from "../http/respond";
import { targetJson, targetsQuery } from "./queries";
import { saveTarget } from "./writes";

/** GET /api/v1/targets (every year's target) and POST /api/v1/targets (an admin sets one year's). */
export const targetsApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const {
      results: [rows],
    } = await authorize(c, (db) => [targetsQuery(db)]);
    return c.json({ items: rows.map(targetJson) });
  })
  .post("/", async (c) => {
    const { user, db } = await authorize(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const r = await saveTarget(db, body.value, actorOf(c, user));
    if (!r.ok) return problem(c, r.status, r.error, r.issues);
    return c.json(targetJson(r.target));
  });
