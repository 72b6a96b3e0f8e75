import { Hono, type Context } from "hono";
import { findBatch, listBatchParcels, listBatches, sumsApprovedBetween } from "../../db/batches";
import { getDb } from "../../db/client";
import { benchmarkWindow } from "../../domain/batch-figures";
import type { AppEnv } from "../../env";
import { batchJson, batchParcelJson, fiveYearJson } from "../../http/batch-json";
import { encodeCursor, parseBatchQuery } from "../../http/batch-query";
import { readJson } from "../../http/json";
import { problem } from "../../http/respond";
import { approveBatchOp, createBatchOp, type BatchOpResult } from "../../ops/batch-ops";
import type { Actor } from "../../ops/parcel-ops";
import { pathId } from "./parcels";

const actor = (c: Context<AppEnv>): Actor => ({ user: c.get("user")!, today: c.get("today"), now: c.get("now") });

function answer(c: Context<AppEnv>, r: BatchOpResult, okStatus: 200 | 201) {
  if (!r.ok) return problem(c, r.status, r.error, r.issues);
  return c.json(batchJson(r.batch, c.get("today")), okStatus);
}

/** The JSON twin of /batches (SPEC §9). */
export const batchesApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const q = parseBatchQuery(c.req.query());
    if (!q.ok) return problem(c, 400, "bad_request", q.issues);
    const db = getDb(c.env);
    const today = c.get("today");
    const window = benchmarkWindow(today);
    const [page, sums] = await Promise.all([listBatches(db, q.filter, q.sort, q.dir, q.limit, q.cursor), sumsApprovedBetween(db, window.from, window.to)]);
    return c.json({
      items: page.items.map((b) => batchJson(b, today)),
      nextCursor: page.next ? encodeCursor(page.next) : null,
      fiveYear: fiveYearJson(window, sums),
    });
  })
  .post("/", async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    return answer(c, await createBatchOp(getDb(c.env), body.value, actor(c)), 201);
  })
  .get("/:id", async (c) => {
    const id = pathId(c);
    const db = getDb(c.env);
    const found = id === null ? undefined : await findBatch(db, id);
    if (!found) return problem(c, 404, "not_found");
    const today = c.get("today");
    const parcels = await listBatchParcels(db, found.batch.id);
    return c.json({ ...batchJson(found, today), parcels: parcels.map((p) => batchParcelJson(p, today)) });
  })
  .post("/:id/approval", async (c) => {
    const id = pathId(c);
    if (id === null) return problem(c, 404, "not_found");
    const body = await readJson(c);
    if (!body.ok) return body.response;
    return answer(c, await approveBatchOp(getDb(c.env), id, body.value, actor(c)), 200);
  });
