import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { containsText } from "../db/contains";
import { projects } from "../db/schema";

// The projects a parcel may be placed in, for the parcel edit form's picker (read through ./queries.ts).

/** Projects newest first whose name holds `search` (every one for ""), at most `limit`; limit 0 reads none. */
export const projectNameChoicesQuery = (db: Db, search: string, limit: number) =>
  db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(search ? containsText(projects.name, search) : undefined)
    .orderBy(desc(projects.id))
    .limit(limit);

/** The chosen project by id, kept in the picker whatever the search (zero or one row; none for null). */
export const projectNameChoiceQuery = (db: Db, id: number | null) =>
  db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(eq(projects.id, id ?? 0))
    .limit(id === null ? 0 : 1);
