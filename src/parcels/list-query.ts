import { z } from "zod";
import { STATES } from "../domain/chain";
import { LAND_USES } from "../domain/fields";
import { issuesFromZod, type Issue } from "../domain/issues";
import { MAX_SEARCH_CHARS } from "../domain/search";
import { DEFAULT_ORDER, type ListOrder, type ListPosition, type ParcelFilter } from "./list-read";
import { DEFAULT_DIR, SORTS } from "./list-sort";

/** The parcel list's defaults: newest first, 50 a page. */
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
  batch: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
  projectId: id,
  year: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^(19|20)\d\d$/)
      .optional(),
  ),
  // The search is matched piece by piece (src/domain/search.ts), with no LIKE pattern and so no byte limit.
  q: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine((v) => Array.from(v).length <= MAX_SEARCH_CHARS, { message: "search_too_long" })
      .optional(),
  ),
  sort: z.preprocess(blankToUndefined, z.enum(SORTS).optional()),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).optional()),
  limit: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(PARCEL_LIST_DEFAULTS.limit),
  ),
  cursor: id,
  before: id,
});

export type ListQuery =
  | { ok: true; filter: ParcelFilter; order: ListOrder; limit: number; position: ListPosition }
  | { ok: false; issues: Issue[] };

export function parseListQuery(query: Record<string, string>): ListQuery {
  const r = listQuery.safeParse(query, { reportInput: true });
  if (!r.success) return { ok: false, issues: issuesFromZod(r.error) };
  const { limit, cursor, before, sort, dir, ...rest } = r.data;
  const filter = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as ParcelFilter;
  const order: ListOrder = sort ? { sort, dir: dir ?? DEFAULT_DIR[sort] } : { ...DEFAULT_ORDER, dir: dir ?? "desc" };
  // A page has one anchor: `before` (previous) wins over `cursor` (next) if a hand-made URL has both.
  const position: ListPosition = before !== undefined ? { before } : cursor !== undefined ? { after: cursor } : {};
  return { ok: true, filter, order, limit, position };
}
