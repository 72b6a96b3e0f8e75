import { Hono, type Context } from "hono";
import { lapseLevel } from "../domain/lapse";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { readIdempotencyKey, requestHash } from "../http/idempotency";
import { readJson } from "../http/json";
import { pathId } from "../http/path";
import { problem } from "../http/respond";
import { parseListQuery } from "./list-query";
import { eventJson, parcelJson } from "./json";
import { idempotencyKeyQuery, parcelEventsQuery, parcelListReads, parcelListResult, parcelQuery } from "./queries";
import { areaFields } from "../domain/area";
import { correctParcel, editParcel, moveParcel, registerParcel, type OpResult } from "./writes";
import { delayParcel } from "./delay";
import { parcelChecks } from "./checks";
import { activeTownsQuery } from "../towns/queries";

function answer(c: Context<AppEnv>, r: OpResult, okStatus: 200 | 201 = 200) {
  if (!r.ok) return problem(c, r.status, r.error, r.issues);
  if (r.replayed) return c.body(r.replayed, okStatus, { "Content-Type": "application/json; charset=utf-8" });
  return c.json(parcelJson(r.parcel), okStatus);
}

const hashOf = (c: Context, body: unknown) => requestHash(c.req.method, c.req.path, body);

// A path id that is not a positive integer names no parcel: read id 0, which never exists.
const idOrZero = (c: Context) => pathId(c) ?? 0;

/** A move or a delay: the parcel and the answer stored under the Idempotency-Key read with the session. */
async function idempotentWrite(c: Context<AppEnv>, write: typeof moveParcel) {
  const id = idOrZero(c);
  const read = readIdempotencyKey(c);
  const idempotencyKey = read.ok ? read.key : undefined;
  const {
    user,
    db,
    results: [[parcel], [seen]],
  } = await authorize(c, (db) => [parcelQuery(db, id), idempotencyKeyQuery(db, idempotencyKey ?? "")]);
  if (!read.ok) return problem(c, 400, "idempotency_key_too_long");
  const body = await readJson(c);
  if (!body.ok) return body.response;
  const requestHash = idempotencyKey ? await hashOf(c, body.value) : undefined;
  const context = { parcel, seen: idempotencyKey ? seen : undefined, idempotencyKey, requestHash };
  return answer(c, await write(db, context, body.value, actorOf(c, user)));
}

/** The JSON twin of /parcels (docs/PRODUCT.md §9). Each write: one read batch with the session, one guarded write batch. */
export const parcelsApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const q = parseListQuery(c.req.query());
    if (!q.ok) {
      await authorize(c);
      return problem(c, 400, "bad_request", q.issues);
    }
    const { limit, position, filter, order } = q;
    const { results } = await authorize(c, (db) => parcelListReads(db, filter, order, limit, position));
    const page = parcelListResult(results, filter, limit, position);
    const total = page.totals;
    return c.json({
      items: page.items.map(parcelJson),
      nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
      prevCursor: page.prevCursor === null ? null : String(page.prevCursor),
      // All the parcels the filters match; a search matching more than `count` says so with `atLeast`.
      total: { count: total.count, atLeast: total.capped, ...(total.capped ? {} : areaFields(total.areaM2)) },
    });
  })
  .post("/", async (c) => {
    const {
      user,
      db,
      results: [towns],
    } = await authorize(c, (db) => [activeTownsQuery(db)]);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    return answer(c, await registerParcel(db, body.value, actorOf(c, user), parcelChecks(c, towns)), 201);
  })
  .get("/:id", async (c) => {
    const id = idOrZero(c);
    const {
      results: [[parcel], events],
    } = await authorize(c, (db) => [parcelQuery(db, id), parcelEventsQuery(db, id)]);
    if (!parcel) return problem(c, 404, "not_found");
    // lapse: the approval-lapse level of docs/PRODUCT.md §4 on today (null, "lapse_soon" or "lapsed").
    return c.json({ ...parcelJson(parcel), lapse: lapseLevel(parcel, c.get("today")), events: events.map(eventJson) });
  })
  .patch("/:id", async (c) => {
    const id = idOrZero(c);
    const {
      user,
      db,
      results: [[parcel], towns],
    } = await authorize(c, (db) => [parcelQuery(db, id), activeTownsQuery(db)]);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    return answer(c, await editParcel(db, parcel, body.value, actorOf(c, user), parcelChecks(c, towns)));
  })
  .post("/:id/moves", (c) => idempotentWrite(c, moveParcel))
  // 政府原因延期 (docs/PRODUCT.md §6): version-guarded and idempotent like a move.
  .post("/:id/delays", (c) => idempotentWrite(c, delayParcel))
  .post("/:id/corrections", async (c) => {
    const id = idOrZero(c);
    const {
      user,
      db,
      results: [[parcel], events],
    } = await authorize(c, (db) => [parcelQuery(db, id), parcelEventsQuery(db, id)]);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    return answer(c, await correctParcel(db, parcel, events, body.value, actorOf(c, user)));
  });
