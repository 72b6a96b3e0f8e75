import { Hono } from "hono";
import type { AppEnv } from "../env";
import { readProjectList } from "../projects/queries";
import { pageCtx } from "../../views/page-context";
import { BattleMapPage } from "../../views/battle-map/page";

// 作战图 /battle-map?asOf=&page= (docs/PRODUCT.md §7): one D1 round trip — projects, their parcels' date columns,
// open problems, calendar years, durations and the filter choices in the authorize batch. Every project's schedule
// is worked out (the risk order and the counts per status need them all); 50 rows a page are drawn.
export const battleMapPages = new Hono<AppEnv>().get("/", async (c) => {
  const l = await readProjectList(c);
  return c.html(
    <BattleMapPage
      ctx={pageCtx(c)}
      items={l.items}
      asOf={l.day}
      values={l.values}
      choices={l.choices}
      badQuery={!l.ok}
      provisionalYears={l.provisionalYears}
      counts={l.counts}
      page={l.page}
      pages={l.pages}
      total={l.total}
    />,
    l.ok ? 200 : 400,
  );
});
