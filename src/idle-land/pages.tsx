import { Hono } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { t } from "../i18n";
import { pageCtx } from "../../views/page-context";
import { ErrorPage } from "../../views/error-page";
import { IdleLandPage } from "../../views/idle-land/page";
import { idleReads, parseIdleQuery, shapeIdle } from "./figures";
import { townChoices, townsQuery } from "../towns/queries";

// 闲置土地 idle land: the page, its reads in the authorize batch.
export const idleLandPages = new Hono<AppEnv>().get("/", async (c) => {
  const q = parseIdleQuery(c.req.query(), c.get("today"));
  if (!q.ok) {
    await authorize(c);
    const message = `${t(c.get("lang"), "dig.badQuery")}: ${q.issues.map((i) => i.path).join(", ")}`;
    return c.html(<ErrorPage c={c} status={400} message={message} />, 400);
  }
  // The towns for the filter ride in the same batch, after the page's own reads.
  const { results } = await authorize(c, (db) => [...idleReads(db, q.ask), townsQuery(db)] as const);
  const towns = results[results.length - 1] as Parameters<typeof townChoices>[0];
  const d = shapeIdle(q.ask, results.slice(0, -1) as unknown as Parameters<typeof shapeIdle>[1]);
  return c.html(<IdleLandPage ctx={pageCtx(c)} d={d} towns={townChoices(towns)} />);
});
