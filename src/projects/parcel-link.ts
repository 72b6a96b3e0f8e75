import { sql } from "drizzle-orm";
import { runBatch } from "../db/batch";
import type { Db } from "../db/client";
import type { Project } from "../db/schema";
import { parseWith } from "../domain/issues";
import { joinInput, leaveInput } from "../domain/projects";
import type { Actor } from "../http/actor";
import type { ParcelFactRow } from "./queries";
import { conflict, invalid, notFound, type Result } from "./writes";

// Joining parcels to a project and letting them leave (docs/PRODUCT.md §7 "its parcels"), from the project page.
// Written here, not through the parcels feature (which others may only read): the same guarded UPDATE and
// `edit` event as PATCH /api/v1/parcels/:id {projectId}.

/** Sets a parcel's project (null: leaves it), recorded as the parcel's `edit` event as PATCH /parcels/:id does. */
async function setParcelProject(db: Db, parcel: ParcelFactRow, projectId: number | null, a: Actor): Promise<boolean> {
  const data = JSON.stringify({ changes: { projectId: { from: parcel.projectId, to: projectId } } });
  const [update] = await runBatch(db, [
    sql`UPDATE parcels SET project_id = ${projectId}, version = version + 1, updated_at = ${a.now}
      WHERE id = ${parcel.id} AND version = ${parcel.version}`,
    sql`INSERT INTO parcel_events (parcel_id, kind, from_state, to_state, "on", data, actor_id, recorded_at, version)
      SELECT ${parcel.id}, 'edit', ${parcel.state}, ${parcel.state}, ${a.today}, ${data}, ${a.user.id}, ${a.now},
      ${parcel.version + 1} WHERE changes() = 1`,
  ]);
  return update.meta.changes > 0;
}

/** Joins the parcel named by its 宗地编号; one already in another project must leave that one first. */
export async function joinParcel(
  db: Db,
  p: Project | undefined,
  parcel: ParcelFactRow | undefined,
  body: unknown,
  a: Actor,
): Promise<Result<number>> {
  if (!p) return notFound;
  const parsed = parseWith(joinInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  if (!parcel) return invalid([{ path: "code", code: "parcel_unknown" }]);
  if (parcel.projectId === p.id) return { ok: true, value: parcel.id };
  if (parcel.projectId !== null) return invalid([{ path: "code", code: "parcel_in_other_project" }]);
  return (await setParcelProject(db, parcel, p.id, a)) ? { ok: true, value: parcel.id } : conflict;
}

export async function leaveParcel(
  db: Db,
  p: Project | undefined,
  parcel: ParcelFactRow | undefined,
  body: unknown,
  a: Actor,
): Promise<Result<number>> {
  if (!p) return notFound;
  const parsed = parseWith(leaveInput, body);
  if (!parsed.ok) return invalid(parsed.issues);
  if (!parcel || parcel.projectId !== p.id) return invalid([{ path: "parcelId", code: "parcel_not_in_project" }]);
  return (await setParcelProject(db, parcel, null, a)) ? { ok: true, value: parcel.id } : conflict;
}
