import { createMiddleware } from "hono/factory";
import { countingD1, type RowsTally } from "../db/rows-read";
import type { AppEnv } from "../env";

/**
 * With `BENCH=1` (set only by `npm run bench`), answers carry `X-Rows-Read`: the D1 rows read while
 * serving them, session lookup included, and `X-D1-Calls`. Mounted first so every later `getDb(c.env)` sees the
 * counting binding; without BENCH it does nothing.
 */
export const rowsReadHeader = createMiddleware<AppEnv>(async (c, next) => {
  if (c.env.BENCH !== "1") return next();
  const tally: RowsTally = { rowsRead: 0, calls: 0 };
  const DB = countingD1(c.env.DB, tally);
  if (DB) c.env = { ...c.env, DB };
  await next();
  c.res.headers.set("X-Rows-Read", DB ? String(tally.rowsRead) : "unknown");
  // Round trips (a batch is one): each costs a hop to D1 whatever it reads, so latency follows them.
  if (DB) c.res.headers.set("X-D1-Calls", String(tally.calls));
});
