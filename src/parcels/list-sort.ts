// The parcel list's orders (issue 10): each a key over the parcel row with the id as tie-break, paged
// by keyset. Each key is an indexed column (migration 0028), so SQLite walks the index instead of
// sorting (tests/integration/query-plans.test.ts).

export const SORTS = ["id", "code", "area", "approved", "state"] as const;
export type SortKey = (typeof SORTS)[number];
export type SortDir = "asc" | "desc";

/** The direction a column starts in when first clicked: newest, largest and latest first; code and chain order ascending. */
export const DEFAULT_DIR: Record<SortKey, SortDir> = {
  id: "desc",
  code: "asc",
  area: "desc",
  approved: "desc",
  state: "asc",
};

/** The key as SQL over table `t` (a quoted name or an alias); null for id alone. */
export function sortKeySql(sort: SortKey, t: string): string | null {
  switch (sort) {
    case "id":
      return null;
    case "code":
      return `${t}."code"`;
    case "area":
      return `${t}."area_m2"`;
    // approved_on, '' when not approved (trigger-kept): unapproved come last newest-first, first oldest-first.
    case "approved":
      return `${t}."sort_approved"`;
    // Chain order (docs/PRODUCT.md §3), not the alphabet (trigger-kept).
    case "state":
      return `${t}."sort_state"`;
  }
}
