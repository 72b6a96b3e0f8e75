import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { isIsoDate } from "../domain/dates";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { readJson } from "../http/json";
import { pathId } from "../http/path";
import { problem } from "../http/respond";
import { parcelFactJson, problemEventJson, problemJson, projectEventJson, projectSummaryJson } from "./json";
import { listOf, listReads } from "./list";
import { parseProjectQuery } from "./list-query";
import { detailOf, detailReads, rulesOf, rulesReads, type Detail } from "./load";
import { addProblem, editProblem } from "./problem-writes";
import { problemQuery, projectQuery } from "./queries";
import { scheduleOf } from "./schedule";
import { createProject, replanProject } from "./writes";

/** The as-of date of `?asOf=` (today when absent), or null when malformed. */
export function asOfParam(c: Context<AppEnv>): string | null {
  const v = c.req.query("asOf");
  if (v === undefined || v === "") return c.get("today");
  return isIsoDate(v) ? v : null;
}

export function detailJson(d: Detail) {
  return {
    ...projectSummaryJson(d.project, d.schedule),
    asOf: d.asOf,
    parcels: d.parcels.map(parcelFactJson),
    problems: d.problems.map((p) => problemJson(p, d.asOf)),
    problemHistory: d.problemEvents.map(problemEventJson),
    history: d.events.map(projectEventJson),
  };
}

// The JSON twin of /projects (docs/PRODUCT.md §9): list, create, one, re-plan, problems.
export const projectsApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const q = parseProjectQuery(c.req.query());
    if (!q.ok) {
      await authorize(c);
      return problem(c, 400, "bad_request", q.issues);
    }
    const asOf = q.value.asOf ?? c.get("today");
    const { results } = await authorize(c, (db) => listReads(db, q.value.filter));
    const { items } = listOf(results, asOf, q.value.status);
    return c.json({
      asOf,
      items: items.map((i) => ({ ...projectSummaryJson(i.project, i.schedule), openProblems: i.openProblems.length })),
      nextCursor: null,
    });
  })
  .post("/", async (c) => {
    const {
      user,
      db,
      results: [cal, dur],
    } = await authorize(c, rulesReads);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const rules = rulesOf(cal, dur);
    const r = await createProject(db, body.value, rules, actorOf(c, user));
    if (!r.ok) return problem(c, r.status, r.error, r.issues);
    const schedule = scheduleOf(rules.cal, rules.durations, r.value, [], [], c.get("today"));
    return c.json(projectSummaryJson(r.value, schedule), 201);
  })
  .get("/:id", async (c) => {
    const id = pathId(c) ?? 0;
    const asOf = asOfParam(c);
    const { results } = await authorize(c, (db) => detailReads(db, id));
    if (asOf === null) return problem(c, 400, "bad_request", [{ path: "asOf", code: "invalid_date" }]);
    const d = detailOf(results, asOf);
    return d ? c.json(detailJson(d)) : problem(c, 404, "not_found");
  })
  .patch("/:id", async (c) => {
    const id = pathId(c) ?? 0;
    const { user, db, results } = await authorize(c, (db) => detailReads(db, id));
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const d = detailOf(results, c.get("today"));
    const r = await replanProject(db, d?.project, body.value, d?.rules ?? rulesOf([], []), actorOf(c, user));
    if (!r.ok || !d)
      return problem(c, r.ok ? 404 : r.status, r.ok ? "not_found" : r.error, r.ok ? undefined : r.issues);
    const schedule = scheduleOf(d.rules.cal, d.rules.durations, r.value, d.parcels, d.problems, d.asOf);
    return c.json(projectSummaryJson(r.value, schedule));
  })
  .post("/:id/problems", async (c) => {
    const id = pathId(c) ?? 0;
    const {
      user,
      db,
      results: [[found]],
    } = await authorize(c, (db) => [projectQuery(db, id)]);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const r = await addProblem(db, found, body.value, actorOf(c, user));
    if (!r.ok) return problem(c, r.status, r.error, r.issues);
    return c.json(problemJson(r.value, c.get("today")), 201);
  });

/** PATCH /api/v1/problems/:id: status, resolution or any field, version-guarded. */
export const problemsApi = new Hono<AppEnv>().patch("/:id", async (c) => {
  const id = pathId(c) ?? 0;
  const {
    user,
    db,
    results: [[found]],
  } = await authorize(c, (db) => [problemQuery(db, id)]);
  const body = await readJson(c);
  if (!body.ok) return body.response;
  const r = await editProblem(db, found, body.value, actorOf(c, user));
  if (!r.ok) return problem(c, r.status, r.error, r.issues);
  return c.json(problemJson(r.value, c.get("today")));
});
