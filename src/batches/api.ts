import { Hono, type Context } from "hono";
import { benchmarkWindow } from "../domain/batch-figures";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { readJson } from "../http/json";
import { pathId } from "../http/path";
import { problem } from "../http/respond";
import { plannedParcelsQuery } from "./approval-write";
import { batchJson, batchParcelJson, fiveYearJson } from "./json";
import { encodeCursor, parseBatchQuery } from "./list-query";
import { approvedBetweenSumsQuery, batchListPage, batchListQuery, batchParcelsQuery, batchQuery } from "./queries";
import { approveBatch, createBatch, type BatchOpResult } from "./writes";

function answer(c: Context<AppEnv>, r: BatchOpResult, okStatus: 200 | 201) {
  if (!r.ok) return problem(c, r.status, r.error, r.issues);
  return c.json(batchJson(r.batch, c.get("today")), okStatus);
}

/** The JSON twin of /batches (docs/PRODUCT.md §9). */
export const batchesApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const q = parseBatchQuery(c.req.query());
    if (!q.ok) {
      await authorize(c);
      return problem(c, 400, "bad_request", q.issues);
    }
    const today = c.get("today");
    const window = benchmarkWindow(today);
    const {
      results: [rows, [sums]],
    } = await authorize(c, (db) => [
      batchListQuery(db, q.filter, q.sort, q.dir, q.limit, q.cursor),
      approvedBetweenSumsQuery(db, window.from, window.to),
    ]);
    const page = batchListPage(rows, q.limit, q.sort);
    return c.json({
      items: page.items.map((b) => batchJson(b, today)),
      nextCursor: page.next ? encodeCursor(page.next) : null,
      fiveYear: fiveYearJson(window, sums),
    });
  })
  .post("/", async (c) => {
    const { user, db } = await authorize(c);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    return answer(c, await createBatch(db, body.value, actorOf(c, user)), 201);
  })
  .get("/:id", async (c) => {
    const id = pathId(c) ?? 0;
    const {
      results: [[found], parcels],
    } = await authorize(c, (db) => [batchQuery(db, id), batchParcelsQuery(db, id)]);
    if (!found) return problem(c, 404, "not_found");
    const today = c.get("today");
    return c.json({ ...batchJson(found, today), parcels: parcels.map((p) => batchParcelJson(p, today)) });
  })
  .post("/:id/approval", async (c) => {
    const id = pathId(c) ?? 0;
    const {
      user,
      db,
      results: [[found], planned],
    } = await authorize(c, (db) => [batchQuery(db, id), plannedParcelsQuery(db, id)]);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    return answer(c, await approveBatch(db, found, planned, body.value, actorOf(c, user)), 200);
  });
