import { z } from "zod";
import { STATES } from "../domain/chain";
import { LAND_USES } from "../domain/fields";
import { issuesFromZod, type Issue } from "../domain/issues";
import { searchFits, type ParcelFilter } from "./queries";

/** The parcel list's defaults: newest first (by id, the only order it has), 50 a page. */
export const PARCEL_LIST_DEFAULTS = { limit: 50 } as const;
export const MAX_PAGE_SIZE = 200;

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
const id = z.preprocess(
  blankToUndefined,
  z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53)
    .optional(),
);

// Query strings of the parcel list, shared by the page and the API; empty values mean "any".
const listQuery = z.object({
  state: z.preprocess(blankToUndefined, z.enum(STATES).optional()),
  town: z.preprocess(blankToUndefined, z.string().trim().max(50).optional()),
  landUse: z.preprocess(blankToUndefined, z.enum(LAND_USES).optional()),
  batchId: id,
  projectId: id,
  // Bounded in bytes after LIKE escaping, not characters: 48 bytes are 48 letters or 16 汉字.
  q: z.preprocess(
    blankToUndefined,
    z.string().trim().max(100).refine(searchFits, { message: "search_too_long" }).optional(),
  ),
  limit: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(PARCEL_LIST_DEFAULTS.limit),
  ),
  cursor: id,
});

export type ListQuery =
  { ok: true; filter: ParcelFilter; limit: number; cursor?: number } | { ok: false; issues: Issue[] };

export function parseListQuery(query: Record<string, string>): ListQuery {
  const r = listQuery.safeParse(query, { reportInput: true });
  if (!r.success) return { ok: false, issues: issuesFromZod(r.error) };
  const { limit, cursor, ...filter } = r.data;
  return { ok: true, filter, limit, cursor };
}
