import { Hono } from "hono";
import { getDb } from "../db/client";
import { chainTotalsByState } from "../db/parcels";
import type { AppEnv } from "../env";
import { HomePage } from "../../views/home";
import { pageCtx } from "../../views/page-context";

export const home = new Hono<AppEnv>().get("/", async (c) => {
  const totals = await chainTotalsByState(getDb(c.env));
  return c.html(<HomePage ctx={pageCtx(c)} totals={totals} />);
});
