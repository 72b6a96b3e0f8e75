import { eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { batches, parcels, projects } from "../db/schema";
import type { ParcelView } from "./queries";

// Reads of the parcel page and its edit form (issue 10 §1, §6): the parcel with its batch's and project's
// names.

/** A parcel with the names of its batch and its project. */
export type ParcelDetailView = ParcelView & { projectName: string | null };

/** One parcel with its batch's and project's names (zero or one row; both by primary key). */
export const parcelDetailQuery = (db: Db, id: number) =>
  db
    .select({
      ...getTableColumns(parcels),
      // Aliased: in a batch D1 answers rows as objects, where the three "name" columns would collide.
      batchName: sql<string | null>`${batches.name}`.as("batch_name"),
      projectName: sql<string | null>`${projects.name}`.as("project_name"),
    })
    .from(parcels)
    .leftJoin(batches, eq(batches.id, parcels.batchId))
    .leftJoin(projects, eq(projects.id, parcels.projectId))
    .where(eq(parcels.id, id))
    .limit(1);
