import { sql } from "drizzle-orm";
import { z } from "zod";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import { violates } from "../db/errors";
import type { Town } from "../db/schema";
import { text } from "../domain/fields";
import { parseWith, type Issue } from "../domain/issues";
import type { Actor } from "../http/actor";

// The towns list's writes (issue 10 §2): add, rename, retire and restore, each with its history row in the same
// batch, the change guarded by the version it was made against.

const townName = text(50);
export const addTownInput = z.object({ name: townName });
export const changeTownInput = z
  .object({
    version: z.number().int().positive(),
    name: townName.optional(),
    retired: z.boolean().optional(),
  })
  .refine((v) => v.name !== undefined || v.retired !== undefined, { message: "nothing_to_edit", path: ["_"] });

export type TownResult =
  { ok: true; town: Town } | { ok: false; status: 404 | 409 | 422; error: string; issues?: Issue[] };

const invalid = (issues: Issue[]): TownResult => ({ ok: false, status: 422, error: "validation", issues });
const taken = (name: string) => invalid([{ path: "name", code: "town_exists", params: { name } }]);

/** Adds a town, active; a name already on the list (retired or not) is refused. */
export async function addTown(db: Db, body: unknown, a: Actor): Promise<TownResult> {
  const parsed = parseWith(addTownInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const { name } = parsed.value;
  try {
    const [inserted] = await runBatch(db, [
      sql`INSERT INTO towns (name, retired, version, updated_by, updated_at) VALUES (${name}, 0, 1, ${a.user.id}, ${a.now})
        RETURNING id`,
      sql`INSERT INTO town_history (town_id, action, name, actor_id, at)
        SELECT id, 'add', name, ${a.user.id}, ${a.now} FROM towns WHERE name = ${name} AND changes() = 1`,
    ]);
    const id = (inserted.results as { id: number }[])[0]!.id;
    return { ok: true, town: { id, name, retired: false, version: 1, updatedBy: a.user.id, updatedAt: a.now } };
  } catch (e) {
    if (violates(e, "UNIQUE")) return taken(name);
    throw e;
  }
}

/**
 * Renames, retires or restores a town at the version named. A rename carries the new name onto every parcel and
 * project that holds the old one, in the same batch, and only if the town's own change took effect; the parcels'
 * events keep the name they were recorded with (they are history). 409 when the version is stale.
 */
export async function changeTown(db: Db, town: Town | undefined, body: unknown, a: Actor): Promise<TownResult> {
  if (!town) return { ok: false, status: 404, error: "not_found" };
  const parsed = parseWith(changeTownInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  const v = parsed.value;
  if (v.version !== town.version) return { ok: false, status: 409, error: "version_conflict" };
  const name = v.name ?? town.name;
  const retired = v.retired ?? town.retired;
  const renamed = name !== town.name;
  if (!renamed && retired === town.retired) return { ok: true, town };
  const action = renamed ? "rename" : retired ? "retire" : "restore";
  const next = town.version + 1;
  // Each follow-up runs only when the town row now holds this change (a stale version changed nothing).
  const applied = sql`EXISTS (SELECT 1 FROM towns WHERE id = ${town.id} AND version = ${next} AND name = ${name})`;
  try {
    const [update] = await runBatch(db, [
      sql`UPDATE towns SET name = ${name}, retired = ${retired ? 1 : 0}, version = ${next}, updated_by = ${a.user.id},
        updated_at = ${a.now} WHERE id = ${town.id} AND version = ${town.version}`,
      sql`INSERT INTO town_history (town_id, action, name, previous_name, actor_id, at)
        SELECT ${town.id}, ${action}, ${name}, ${renamed ? town.name : null}, ${a.user.id}, ${a.now} WHERE changes() = 1`,
      ...(renamed
        ? [
            sql`UPDATE parcels SET town = ${name} WHERE town = ${town.name} AND ${applied}`,
            sql`UPDATE projects SET town = ${name} WHERE town = ${town.name} AND ${applied}`,
          ]
        : []),
    ]);
    if (update!.meta.changes === 0) return { ok: false, status: 409, error: "version_conflict" };
  } catch (e) {
    if (violates(e, "UNIQUE")) return taken(name);
    throw e;
  }
  return { ok: true, town: { ...town, name, retired, version: next, updatedBy: a.user.id, updatedAt: a.now } };
}
