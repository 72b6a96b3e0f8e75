import { Hono } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { choicesOf, listOf, listReads, parseProjectQuery, projectChoicesQuery } from "../projects/queries";
import { pageCtx } from "../../views/page-context";
import { BattleMapPage } from "../../views/battle-map/page";

// 作战图 /battle-map?asOf= (docs/PRODUCT.md §7): one D1 round trip — projects, their parcels' date columns,
// open problems, calendar years, durations and the filter choices in the authorize batch.
export const battleMapPages = new Hono<AppEnv>().get("/", async (c) => {
  const values = c.req.query();
  const q = parseProjectQuery(values);
  const { filter, status, asOf } = q.ok ? q.value : { filter: {}, status: undefined, asOf: undefined };
  const day = asOf ?? c.get("today");
  const {
    results: [projects, parcels, problems, cal, dur, choices],
  } = await authorize(c, (db) => [...listReads(db, filter), projectChoicesQuery(db)]);
  const { items } = listOf([projects, parcels, problems, cal, dur], day, status);
  const years = [...new Set(items.flatMap((i) => i.schedule.provisionalYears))].sort();
  return c.html(
    <BattleMapPage
      ctx={pageCtx(c)}
      items={items}
      asOf={day}
      values={values}
      choices={choicesOf(choices)}
      badQuery={!q.ok}
      provisionalYears={years}
    />,
    q.ok ? 200 : 400,
  );
});
