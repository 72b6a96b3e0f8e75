import { Hono } from "hono";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { readJson } from "../http/json";
import { pathId } from "../http/path";
import { problem } from "../http/respond";
import { sortedTowns, townJson, townQuery, townsQuery } from "./queries";
import { addTown, changeTown, type TownResult } from "./writes";

/** GET /api/v1/towns (every town, pinyin order), POST (an admin adds one: `{name}`), PATCH /:id (`{version, name?, retired?}`). */
export const townsApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const {
      results: [rows],
    } = await authorize(c, (db) => [townsQuery(db)]);
    return c.json({ items: sortedTowns(rows).map(townJson) });
  })
  .post("/", async (c) => {
    const { user, db } = await authorize(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const r = await addTown(db, body.value, actorOf(c, user));
    return r.ok ? c.json(townJson(r.town), 201) : refused(c, r);
  })
  .patch("/:id", async (c) => {
    const {
      user,
      db,
      results: [[town]],
    } = await authorize(c, (db) => [townQuery(db, pathId(c) ?? 0)]);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const r = await changeTown(db, town, body.value, actorOf(c, user));
    return r.ok ? c.json(townJson(r.town)) : refused(c, r);
  });

const refused = (c: Parameters<typeof problem>[0], r: TownResult & { ok: false }) =>
  problem(c, r.status, r.error, r.issues);
