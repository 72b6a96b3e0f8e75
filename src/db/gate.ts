import { sql, type SQL } from "drizzle-orm";

/**
 * An index range's first key that holds only while `only` does, else NULL. `only` names no column of the
 * statement (the home page's role gate): SQLite works the key out before it seeks, and with a NULL key skips
 * the range without reading a row. Put beside the range as a condition, it would be tested row by row as
 * SQLite walks; as the far end of the range, the seek would still read the first entry.
 */
export function gatedBound(bound: string, only?: SQL): SQL {
  return only ? sql`(CASE WHEN ${only} THEN ${bound} END)` : sql`${bound}`;
}
