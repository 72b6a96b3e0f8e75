import { SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

const dialect = new SQLiteAsyncDialect();

/** A drizzle query builder or a raw `sql` fragment, compiled to one D1 statement. */
export type Statement = SQL | { toSQL(): { sql: string; params: unknown[] } };

/**
 * Runs statements as one atomic D1 batch. Drizzle's own `batch` cannot carry a raw
 * `INSERT … SELECT … WHERE changes() = 1`, which the guarded writes need, so both kinds are compiled here.
 */
export function runBatch(db: Db, statements: Statement[]): Promise<D1Result[]> {
  const d1 = db.$client;
  return d1.batch(
    statements.map((s) => {
      const q = s instanceof SQL ? dialect.sqlToQuery(s) : s.toSQL();
      return d1.prepare(q.sql).bind(...q.params);
    }),
  );
}
