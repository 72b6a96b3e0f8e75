import { Hono } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { problem } from "../http/respond";
import { listOf, listReads, pageOf, parseProjectQuery, problemJson } from "../projects/queries";

/**
 * GET /api/v1/battle-map?asOf=&page= (docs/PRODUCT.md §9 "Battle map"), same filters as the page, riskiest
 * first, 50 projects a page; `counts` per status over every project the filters (all but status) keep.
 */
export const battleMapApi = new Hono<AppEnv>().get("/", async (c) => {
  const q = parseProjectQuery(c.req.query());
  if (!q.ok) {
    await authorize(c);
    return problem(c, 400, "bad_request", q.issues);
  }
  const asOf = q.value.asOf ?? c.get("today");
  const { results } = await authorize(c, (db) => listReads(db, q.value.filter));
  const { items: all, counts } = listOf(results, asOf, q.value.status);
  const { items, page, pages, pageSize, total } = pageOf(all, q.value.page);
  return c.json({
    asOf,
    page,
    pages,
    pageSize,
    total,
    counts,
    projects: items.map((i) => ({
      id: i.project.id,
      name: i.project.name,
      category: i.project.category,
      leader: i.project.leader,
      department: i.project.department,
      town: i.project.town,
      targetStartOn: i.project.targetStartOn,
      status: i.schedule.status,
      criticalMilestone: i.schedule.critical,
      leastSlackDays: i.schedule.leastSlack,
      milestones: i.schedule.rows.map((r) => ({
        key: r.milestone,
        plannedOn: r.plannedOn,
        actualOn: r.actualOn,
        status: r.status,
        slackDays: r.slackDays,
      })),
      openProblems: i.openProblems.map((p) => problemJson(p, asOf)),
    })),
  });
});
