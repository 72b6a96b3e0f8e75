import type { Context } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { listOf, listReads, pageOf } from "./list";
import { parseProjectQuery } from "./list-query";
import { choicesOf, projectChoicesQuery } from "./queries";

/**
 * The project list as the /projects page and the battle map both show it: the query string parsed (a bad
 * one falls back to no filter), every listed project's schedule on the as-of day — all of them, for the
 * risk order and the counts per status — then the page asked for, the filter choices and the provisional
 * calendar years of the projects shown; read with the session in one D1 round trip.
 */
export async function readProjectList(c: Context<AppEnv>) {
  const values = c.req.query();
  const q = parseProjectQuery(values);
  const { filter, status, asOf, page } = q.ok ? q.value : { filter: {}, status: undefined, asOf: undefined, page: 1 };
  const day = asOf ?? c.get("today");
  const {
    results: [projects, parcels, problems, cal, dur, choices],
  } = await authorize(c, (db) => [...listReads(db, filter), projectChoicesQuery(db)]);
  const { items, counts } = listOf([projects, parcels, problems, cal, dur], day, status);
  const paged = pageOf(items, page);
  const provisionalYears = [...new Set(paged.items.flatMap((i) => i.schedule.provisionalYears))].sort();
  return { values, ok: q.ok, day, ...paged, counts, choices: choicesOf(choices), provisionalYears };
}
