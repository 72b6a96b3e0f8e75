import { Hono } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { chainTotalsQuery } from "../parcels/queries";
import { HomePage } from "../../views/home/page";
import { pageCtx } from "../../views/page-context";

// 首页 the home page: the chain strip, read with the session in one D1 round trip.
export const homePages = new Hono<AppEnv>().get("/", async (c) => {
  const {
    results: [totals],
  } = await authorize(c, (db) => [chainTotalsQuery(db)]);
  return c.html(<HomePage ctx={pageCtx(c)} totals={totals} />);
});
