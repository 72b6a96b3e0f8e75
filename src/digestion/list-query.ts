import { z } from "zod";
import { isoDate } from "../domain/fields";
import { issuesFromZod, type Issue } from "../domain/issues";
import type { WorkCursor } from "./queries";

/** The work list's page size, and the most one request may ask for. */
export const WORK_LIST_LIMIT = 50;
const MAX_LIMIT = 200;

const blank = (v: unknown) => (v === "" ? undefined : v);
// "2021-03-01_123": the approval date and id of the last row shown (keyset, never OFFSET).
const cursor = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}_\d{1,15}$/)
    .optional(),
);

const query = z.object({
  year: z.preprocess(blank, z.coerce.number().int().min(1990).max(2100).optional()),
  asOf: z.preprocess(blank, isoDate.optional()),
  cursor,
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(MAX_LIMIT).default(WORK_LIST_LIMIT)),
});

export type DigestionQuery =
  { ok: true; year: number; asOf: string; limit: number; cursor?: WorkCursor } | { ok: false; issues: Issue[] };

/**
 * `?year=&asOf=` shared by the page, the API and the CSV. As of today by default; the year defaults to
 * the as-of date's. Malformed → issues (the API answers 400 with them).
 */
export function parseDigestionQuery(q: Record<string, string>, today: string): DigestionQuery {
  const r = query.safeParse(q, { reportInput: true });
  if (!r.success) return { ok: false, issues: issuesFromZod(r.error) };
  const asOf = r.data.asOf ?? today;
  const year = r.data.year ?? Number(asOf.slice(0, 4));
  const c = r.data.cursor?.split("_");
  return {
    ok: true,
    year,
    asOf,
    limit: r.data.limit,
    cursor: c ? { approvedOn: c[0], id: Number(c[1]) } : undefined,
  };
}

export const cursorParam = (c: WorkCursor) => `${c.approvedOn}_${c.id}`;
