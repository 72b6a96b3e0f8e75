import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * `column` holds `needle` anywhere, literally. instr(), not LIKE: a `%`, `_` or `\` typed is a plain character with
 * nothing to escape, and D1's 50-byte limit on LIKE patterns (17 汉字) does not apply. ASCII letters are folded as
 * lower() folds them; no index serves a match inside a name, so the caller reads in an indexed order with a limit.
 */
export const containsText = (column: SQLiteColumn, needle: string): SQL =>
  sql`instr(lower(${column}), lower(${needle})) > 0`;
