// Seed data as literal SQL: multi-row INSERTs kept under D1's statement size, so no bound
// parameters are needed (D1 allows only 100 per statement).
import { getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  annualTargetHistory,
  annualTargets,
  batches,
  parcelEvents,
  parcels,
  problemEvents,
  problems,
  projectEvents,
  projects,
  users,
} from "../../src/db/schema";
import type { SeedData } from "./generate";

/** D1 refuses statements over 100 KB; stay well below it. */
export const MAX_STATEMENT_BYTES = 90_000;
/** SQLite's default limit on terms in a compound SELECT, which a multi-row VALUES once counted as. */
export const MAX_ROWS_PER_STATEMENT = 500;

/** A value as an SQL literal: text quoted with '' doubled, booleans as 0/1, absent as NULL. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`no SQL literal for ${typeof value}`);
}

/** UTF-8 size of `s` without encoding it (the seed measures hundreds of thousands of rows). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    // A surrogate pair is one 4-byte character: 2 + 2 for its two halves.
    else n += c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

/** INSERT statements for `rows` into `table`, as few as the size limits allow. */
export function insertStatements<T extends Record<string, unknown>>(table: SQLiteTable, rows: readonly T[]): string[] {
  const columns = Object.entries(getTableColumns(table)).map(([key, col]) => ({ key, name: col.name }));
  const head = `INSERT INTO "${getTableName(table)}" (${columns.map((c) => `"${c.name}"`).join(", ")}) VALUES\n`;
  const headBytes = utf8Length(head);
  const statements: string[] = [];
  let values: string[] = [];
  let bytes = headBytes;
  for (const row of rows) {
    const tuple = `(${columns.map((c) => sqlLiteral(row[c.key])).join(", ")})`;
    const size = utf8Length(tuple) + 2;
    if (headBytes + size > MAX_STATEMENT_BYTES)
      throw new Error(`one row of ${getTableName(table)} exceeds ${MAX_STATEMENT_BYTES} bytes`);
    if (values.length && (bytes + size > MAX_STATEMENT_BYTES || values.length >= MAX_ROWS_PER_STATEMENT)) {
      statements.push(`${head}${values.join(",\n")};`);
      values = [];
      bytes = headBytes;
    }
    values.push(tuple);
    bytes += size;
  }
  if (values.length) statements.push(`${head}${values.join(",\n")};`);
  return statements;
}

/**
 * Every statement that loads `data` into a freshly migrated database, in dependency order. The
 * running totals (chain_totals, batch_totals) follow the parcel rows through the database's triggers.
 */
export function seedStatements(data: SeedData): string[] {
  return [
    ...insertStatements(users, data.users),
    ...insertStatements(batches, data.batches),
    ...insertStatements(parcels, data.parcels),
    ...insertStatements(parcelEvents, data.events),
    ...insertStatements(projects, data.projects.projects),
    ...insertStatements(projectEvents, data.projects.projectEvents),
    ...insertStatements(problems, data.projects.problems),
    ...insertStatements(problemEvents, data.projects.problemEvents),
    ...insertStatements(annualTargets, data.targets),
    ...insertStatements(annualTargetHistory, data.targetHistory),
  ];
}
