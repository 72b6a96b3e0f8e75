import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { batches, importMappings, imports, users } from "../db/schema";

// The imports feature's read API: statement builders (sent in an authorize batch) and row shapers.

/** Of these codes, the ones the database holds (one JSON parameter, however many codes). */
export const existingCodesQuery = (db: Db, codes: string[]) =>
  db.all<{ code: string }>(
    sql`SELECT code FROM parcels WHERE code IN (SELECT value FROM json_each(${JSON.stringify(codes)}))`,
  );

/** Every batch's name (a district has hundreds at most): a ledger's batch names resolve against them. */
export const batchNamesQuery = (db: Db) => db.select({ id: batches.id, name: batches.name }).from(batches);

/** The mapping remembered for a header row, if any. */
export const mappingQuery = (db: Db, signature: string) =>
  db.select().from(importMappings).where(eq(importMappings.signature, signature)).limit(1);

export const IMPORT_LOG_PAGE = 50;

/** The import log, newest first, with who imported and who undid. */
export const importLogQuery = (db: Db, limit = IMPORT_LOG_PAGE) =>
  db
    .select({
      id: imports.id,
      fileName: imports.fileName,
      fileKind: imports.fileKind,
      encoding: imports.encoding,
      sheet: imports.sheet,
      rowCount: imports.rowCount,
      batchCount: imports.batchCount,
      status: imports.status,
      createdAt: imports.createdAt,
      undoneAt: imports.undoneAt,
      version: imports.version,
      by: users.displayName,
      problemCount: sql<number>`coalesce(json_array_length(${imports.report}), 0)`,
    })
    .from(imports)
    .innerJoin(users, eq(users.id, imports.createdBy))
    .orderBy(desc(imports.id))
    .limit(limit);
export type ImportLogRow = Awaited<ReturnType<typeof importLogQuery>>[number];

export const importQuery = (db: Db, id: number) => db.select().from(imports).where(eq(imports.id, id)).limit(1);

/**
 * Imported parcels that changed since the import (any event the import did not write): while one
 * exists the import cannot be undone. Also other parcels that joined a batch the import created.
 */
export const movedSinceQuery = (db: Db, id: number) =>
  db.all<{ code: string }>(sql`
    SELECT DISTINCT p.code FROM parcels p JOIN parcel_events e ON e.parcel_id = p.id
      WHERE p.import_id = ${id} AND (e.import_id IS NULL OR e.import_id <> ${id})
    UNION
    SELECT p.code FROM batches b JOIN parcels p ON p.batch_id = b.id
      WHERE b.import_id = ${id} AND (p.import_id IS NULL OR p.import_id <> ${id})
    ORDER BY 1 LIMIT 20`);
