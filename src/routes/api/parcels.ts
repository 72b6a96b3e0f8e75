import { Hono, type Context } from "hono";
import { getDb } from "../../db/client";
import { findParcelWithEvents, listParcels } from "../../db/parcels";
import { lapseLevel } from "../../domain/lapse";
import type { AppEnv } from "../../env";
import { readJson } from "../../http/json";
import { parseListQuery } from "../../http/list-query";
import { eventJson, parcelJson } from "../../http/parcel-json";
import { problem } from "../../http/respond";
import { correctParcelOp, editParcelOp, moveParcelOp, registerParcelOp, type Actor, type OpResult } from "../../ops/parcel-ops";

const actor = (c: Context<AppEnv>): Actor => ({ user: c.get("user")!, today: c.get("today"), now: c.get("now") });

/** A path id: a positive integer, or null (answered 404). */
export function pathId(c: Context): number | null {
  const id = Number(c.req.param("id"));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function answer(c: Context<AppEnv>, r: OpResult, okStatus: 200 | 201 = 200) {
  if (!r.ok) return problem(c, r.status, r.error, r.issues);
  if (r.replayed) return c.body(r.replayed, okStatus, { "Content-Type": "application/json; charset=utf-8" });
  return c.json(parcelJson(r.parcel), okStatus);
}

/** Reads the JSON body, then runs a parcel write with the session's actor. */
const write =
  (run: (c: Context<AppEnv>, id: number, body: unknown) => Promise<OpResult>) =>
  async (c: Context<AppEnv>) => {
    const id = pathId(c);
    if (id === null) return problem(c, 404, "not_found");
    const body = await readJson(c);
    if (!body.ok) return body.response;
    return answer(c, await run(c, id, body.value));
  };

export const parcelsApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const q = parseListQuery(c.req.query());
    if (!q.ok) return problem(c, 400, "bad_request", q.issues);
    const page = await listParcels(getDb(c.env), q.filter, q.limit, q.cursor);
    return c.json({ items: page.items.map(parcelJson), nextCursor: page.nextCursor === null ? null : String(page.nextCursor) });
  })
  .post("/", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    return answer(c, await registerParcelOp(getDb(c.env), body.value, actor(c)), 201);
  })
  .get("/:id", async (c) => {
    const id = pathId(c);
    const found = id === null ? null : await findParcelWithEvents(getDb(c.env), id);
    if (!found) return problem(c, 404, "not_found");
    const { parcel, events } = found;
    // lapse: the approval-lapse level of SPEC §4 on today (null, "lapse_soon" or "lapsed").
    return c.json({ ...parcelJson(parcel), lapse: lapseLevel(parcel, c.get("today")), events: events.map(eventJson) });
  })
  .patch("/:id", write((c, id, body) => editParcelOp(getDb(c.env), id, body, actor(c))))
  .post("/:id/moves", write((c, id, body) => moveParcelOp(getDb(c.env), id, body, actor(c), c.req.header("Idempotency-Key")?.slice(0, 200) || undefined)))
  .post("/:id/corrections", write((c, id, body) => correctParcelOp(getDb(c.env), id, body, actor(c))));
