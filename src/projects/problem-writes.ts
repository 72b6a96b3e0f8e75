import { sql } from "drizzle-orm";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import type { ProblemRow, Project } from "../db/schema";
import { parseWith } from "../domain/issues";
import { problemInput, problemPatch } from "../domain/projects";
import type { Actor } from "../http/actor";
import { conflict, invalid, notFound, type Result } from "./writes";

// 问题清单 writes: each change of a problem and its history row in one batch, guarded on the version.

/** Adds a problem to the register, with its `created` history row. */
export async function addProblem(db: Db, p: Project | undefined, body: unknown, a: Actor): Promise<Result<ProblemRow>> {
  if (!p) return notFound;
  const parsed = parseWith(problemInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const v = { ...parsed.value, dueOn: parsed.value.dueOn ?? null };
  const [inserted] = await runBatch(db, [
    sql`INSERT INTO problems (project_id, text, milestone, unit, owner, due_on, created_at)
      VALUES (${p.id}, ${v.text}, ${v.milestone}, ${v.unit}, ${v.owner}, ${v.dueOn}, ${a.now}) RETURNING id`,
    sql`INSERT INTO problem_events (problem_id, project_id, kind, data, actor_id, recorded_at, version)
      SELECT last_insert_rowid(), ${p.id}, 'created', ${JSON.stringify({ ...v, status: "open" })}, ${a.user.id}, ${a.now}, 1`,
  ]);
  const id = (inserted.results as { id: number }[])[0].id;
  const row: ProblemRow = {
    id,
    projectId: p.id,
    ...v,
    status: "open",
    resolution: null,
    version: 1,
    createdAt: a.now,
    updatedAt: null,
  };
  return { ok: true, value: row };
}

const PROBLEM_FIELDS = ["text", "milestone", "unit", "owner", "dueOn", "status", "resolution"] as const;
const COLUMN: Record<(typeof PROBLEM_FIELDS)[number], string> = {
  text: "text",
  milestone: "milestone",
  unit: "unit",
  owner: "owner",
  dueOn: "due_on",
  status: "status",
  resolution: "resolution",
};

/** Changes a problem (status, resolution, any field); what changed goes into its history. */
export async function editProblem(
  db: Db,
  pr: ProblemRow | undefined,
  body: unknown,
  a: Actor,
): Promise<Result<ProblemRow>> {
  if (!pr) return notFound;
  const parsed = parseWith(problemPatch, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const v = parsed.value;
  if (v.version !== pr.version) return conflict;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of PROBLEM_FIELDS) if (v[k] !== undefined && v[k] !== pr[k]) changes[k] = { from: pr[k], to: v[k] };
  const sets = Object.keys(changes).map(
    (k) => sql`${sql.raw(COLUMN[k as keyof typeof COLUMN])} = ${v[k as keyof typeof v] ?? null}`,
  );
  if (!sets.length) return { ok: true, value: pr };
  const [update] = await runBatch(db, [
    sql`UPDATE problems SET ${sql.join(sets, sql`, `)}, version = version + 1, updated_at = ${a.now}
      WHERE id = ${pr.id} AND version = ${pr.version}`,
    sql`INSERT INTO problem_events (problem_id, project_id, kind, data, actor_id, recorded_at, version)
      SELECT ${pr.id}, ${pr.projectId}, 'updated', ${JSON.stringify({ changes })}, ${a.user.id}, ${a.now}, ${pr.version + 1}
      WHERE changes() = 1`,
  ]);
  if (update.meta.changes === 0) return conflict;
  const changed = Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to]));
  return { ok: true, value: { ...pr, ...changed, version: pr.version + 1, updatedAt: a.now } };
}
