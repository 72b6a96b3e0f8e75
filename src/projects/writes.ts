import { sql } from "drizzle-orm";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import type { Project } from "../db/schema";
import type { Calendar } from "../domain/calendar";
import { parseWith, type Issue } from "../domain/issues";
import { projectInput, replanInput } from "../domain/projects";
import { backwardSchedule, planSlip, type Durations } from "../domain/schedule";
import type { Actor } from "../http/actor";
import { parsePlan } from "./schedule";

// The projects feature's writes, shared by pages and API. Each is one D1 batch: the change and its history row,
// the history insert guarded by `changes() = 1` so a stale version writes nothing at all.

export type Failure = { ok: false; status: 404 | 409 | 422; error: string; issues?: Issue[] };
export type Result<T> = { ok: true; value: T } | Failure;

export const invalid = (issues: Issue[]): Failure => ({ ok: false, status: 422, error: "validation", issues });
export const notFound: Failure = { ok: false, status: 404, error: "not_found" };
export const conflict: Failure = { ok: false, status: 409, error: "version_conflict" };
type Rules = { cal: Calendar; durations: Durations };

/** Registers a project; its first backward schedule becomes the baseline, recorded as the `created` event. */
export async function createProject(db: Db, body: unknown, rules: Rules, a: Actor): Promise<Result<Project>> {
  const parsed = parseWith(projectInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const v = parsed.value;
  if (v.sitingOn && v.sitingOn > a.today)
    return invalid([{ path: "sitingOn", code: "after_today", params: { today: a.today } }]);
  const targets = { startOn: v.targetStartOn, completionOn: v.targetCompletionOn };
  const plan = JSON.stringify(backwardSchedule(rules.cal, targets, rules.durations));
  const [inserted] = await runBatch(db, [
    sql`INSERT INTO projects (name, owner, category, leader, department, town, siting_doc_no, siting_on,
      target_start_on, target_completion_on, baseline_plan, created_by, created_at)
      VALUES (${v.name}, ${v.owner}, ${v.category}, ${v.leader}, ${v.department}, ${v.town ?? null},
      ${v.sitingDocNo ?? null}, ${v.sitingOn ?? null}, ${v.targetStartOn}, ${v.targetCompletionOn}, ${plan},
      ${a.user.id}, ${a.now}) RETURNING id`,
    sql`INSERT INTO project_events (project_id, kind, data, actor_id, recorded_at, version)
      SELECT last_insert_rowid(), 'created', ${JSON.stringify({ targets, plan: JSON.parse(plan) })}, ${a.user.id}, ${a.now}, 1`,
  ]);
  const id = (inserted.results as { id: number }[])[0].id;
  const row: Project = {
    id,
    name: v.name,
    owner: v.owner,
    category: v.category,
    leader: v.leader,
    department: v.department,
    town: v.town ?? null,
    sitingDocNo: v.sitingDocNo ?? null,
    sitingOn: v.sitingOn ?? null,
    targetStartOn: v.targetStartOn,
    targetCompletionOn: v.targetCompletionOn,
    baselinePlan: plan,
    version: 1,
    createdBy: a.user.id,
    createdAt: a.now,
    updatedAt: null,
  };
  return { ok: true, value: row };
}

/** Changes the target dates (a reason required): re-plans, keeps the baseline, records the slip. */
export async function replanProject(
  db: Db,
  p: Project | undefined,
  body: unknown,
  rules: Rules,
  a: Actor,
): Promise<Result<Project>> {
  if (!p) return notFound;
  const parsed = parseWith(replanInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const v = parsed.value;
  if (v.version !== p.version) return conflict;
  const targets = { startOn: v.targetStartOn, completionOn: v.targetCompletionOn };
  const plan = backwardSchedule(rules.cal, targets, rules.durations);
  const slip = planSlip(rules.cal, parsePlan(p.baselinePlan), plan);
  const data = { from: { startOn: p.targetStartOn, completionOn: p.targetCompletionOn }, targets, plan, slip };
  const [update] = await runBatch(db, [
    sql`UPDATE projects SET target_start_on = ${v.targetStartOn}, target_completion_on = ${v.targetCompletionOn},
      version = version + 1, updated_at = ${a.now} WHERE id = ${p.id} AND version = ${p.version}`,
    sql`INSERT INTO project_events (project_id, kind, data, reason, actor_id, recorded_at, version)
      SELECT ${p.id}, 'replanned', ${JSON.stringify(data)}, ${v.reason}, ${a.user.id}, ${a.now}, ${p.version + 1}
      WHERE changes() = 1`,
  ]);
  if (update.meta.changes === 0) return conflict;
  const row = { ...p, targetStartOn: v.targetStartOn, targetCompletionOn: v.targetCompletionOn };
  return { ok: true, value: { ...row, version: p.version + 1, updatedAt: a.now } };
}
