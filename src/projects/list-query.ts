import { z } from "zod";
import { isoDate, optionalText } from "../domain/fields";
import { parseWith, type Issue } from "../domain/issues";
import { PROJECT_CATEGORIES } from "../domain/projects";
import type { ProjectFilter } from "./queries";

// The query string of /projects and /battle-map (and their JSON twins): filters, status and the as-of date.

export const PROJECT_STATUSES = ["overdue", "at_risk", "on_track", "done"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Projects a page of /projects, /battle-map and the battle map's JSON shows (riskiest first). */
export const PROJECT_PAGE_SIZE = 50;

const blankIsAbsent = (v: unknown) => (v === "" ? undefined : v);
const listQuery = z.object({
  category: z.preprocess(blankIsAbsent, z.enum(PROJECT_CATEGORIES).optional()),
  leader: optionalText(50),
  department: optionalText(100),
  town: optionalText(50),
  status: z.preprocess(blankIsAbsent, z.enum(PROJECT_STATUSES).optional()),
  asOf: z.preprocess(blankIsAbsent, isoDate.optional()),
  // The risk order is worked out in the Worker from every project's schedule, so a page is a slice of it.
  page: z.preprocess(blankIsAbsent, z.coerce.number().int().min(1).max(10_000).default(1)),
});

export type ProjectListQuery = { filter: ProjectFilter; status?: ProjectStatus; asOf?: string; page: number };

/** The list's query string; unknown keys (lang, …) are ignored, a bad value is refused. */
export function parseProjectQuery(
  query: Record<string, string>,
): { ok: true; value: ProjectListQuery } | { ok: false; issues: Issue[] } {
  const r = parseWith(listQuery, query);
  if (!r.ok) return r;
  const { status, asOf, page, ...filter } = r.value;
  return { ok: true, value: { filter, status, asOf, page } };
}
