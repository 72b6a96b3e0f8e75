import { sql, type SQL } from "drizzle-orm";
import { runBatch, type Statement } from "../db/batch";
import type { Db } from "../db/client";
import { violates } from "../db/errors";
import { parcels } from "../db/schema";
import { STATE_COLUMNS } from "../domain/record";
import type { Actor } from "../http/actor";
import type { DryRun, Problem } from "./plan";

export type FileMeta = { fileName: string; fileKind: "csv" | "xlsx"; encoding: string | null; sheet: string | null };

// A staged row's JSON carries many rows in one bound parameter (D1 takes at most 100 a statement);
// 200 rows of about 1 kB each keep a statement's parameter well under D1's size limits.
const ROWS_PER_STATEMENT = 200;

const guard = (broken: SQL) => sql`INSERT INTO write_guards (ok) SELECT 0 WHERE ${broken}`;

/** Logs a refused dry run with its problems, so the report can be read and downloaded later. */
export async function logRefused(
  db: Db,
  meta: FileMeta,
  dataRows: number,
  problems: Problem[],
  a: Actor,
  remember?: Statement,
) {
  const [r] = await runBatch(db, [
    sql`INSERT INTO imports (file_name, file_kind, encoding, sheet, row_count, status, report, created_by, created_at)
      VALUES (${meta.fileName}, ${meta.fileKind}, ${meta.encoding}, ${meta.sheet}, ${dataRows}, 'refused',
        ${JSON.stringify(problems)}, ${a.user.id}, ${a.now}) RETURNING id`,
    ...(remember ? [remember] : []),
  ]);
  return (r.results as { id: number }[])[0].id;
}

/**
 * Stages a clean dry run under a new import id: the log row, the batches to create and every row's
 * JSON, in one batch (all or nothing). Nothing outside the staging tables changes until `publish`.
 */
export async function stage(db: Db, meta: FileMeta, run: DryRun, a: Actor, remember?: Statement): Promise<number> {
  // D1 runs a batch as one transaction with nothing interleaved: max(id) is the row just inserted.
  const importId = sql`(SELECT max(id) FROM imports)`;
  const statements: Statement[] = [
    sql`INSERT INTO imports (file_name, file_kind, encoding, sheet, row_count, batch_count, status, created_by, created_at)
      VALUES (${meta.fileName}, ${meta.fileKind}, ${meta.encoding}, ${meta.sheet}, ${run.staged.length},
        ${run.newBatches.length}, 'staged', ${a.user.id}, ${a.now})`,
  ];
  if (run.newBatches.length)
    statements.push(sql`INSERT INTO import_batches (import_id, name, kind, doc_no, approved_on)
      SELECT ${importId}, json_extract(value, '$.name'), json_extract(value, '$.kind'),
        json_extract(value, '$.docNo'), json_extract(value, '$.approvedOn')
      FROM json_each(${JSON.stringify(run.newBatches)})`);
  for (let i = 0; i < run.staged.length; i += ROWS_PER_STATEMENT) {
    const chunk = run.staged.slice(i, i + ROWS_PER_STATEMENT);
    statements.push(sql`INSERT INTO import_rows (import_id, row_no, payload)
      SELECT ${importId}, json_extract(value, '$.rowNo'), value FROM json_each(${JSON.stringify(chunk)})`);
  }
  if (remember) statements.push(remember);
  statements.push(sql`SELECT max(id) AS id FROM imports`);
  const results = await runBatch(db, statements);
  return (results[results.length - 1].results as { id: number }[])[0].id;
}

// The parcel columns a staged row sets, read from its JSON by the same (camelCase) names: its registration, its
// state and version, and the columns of every state's move.
const PARCEL_KEYS: readonly (keyof typeof parcels.$inferInsert)[] = [
  ...(["code", "name", "town", "landUse", "origin", "areaM2", "state", "version", "lastMovedOn"] as const),
  ...Object.values(STATE_COLUMNS).flat(),
];
const PARCEL_COLUMNS = sql.raw(PARCEL_KEYS.map((k) => `"${parcels[k].name}"`).join(", "));
const PARCEL_VALUES = sql.raw(PARCEL_KEYS.map((k) => `json_extract(r.payload, '$.p.${k}')`).join(", "));

export type PublishResult = { ok: true } | { ok: false; status: 409; error: "version_conflict" | "duplicate" };

/**
 * Publishes a staged import with set-based SQL in one batch: the import marked published (version
 * guarded), its new batches, its parcels (final columns; summaries follow by trigger), and the
 * events that rebuild each parcel's chain, marked with the import. A code registered since the
 * dry run fails the UNIQUE index and D1 rolls the whole batch back: nothing half-imported.
 */
export async function publish(
  db: Db,
  id: number,
  version: number,
  a: Actor,
  // Tests only: a statement run between staging and publishing, to prove a failure leaves nothing.
  inject: Statement[] = [],
): Promise<PublishResult> {
  const note = `台账导入 #${id}`;
  try {
    await runBatch(db, [
      sql`UPDATE imports SET status = 'published', version = version + 1
        WHERE id = ${id} AND status = 'staged' AND version = ${version}`,
      guard(sql`changes() = 0`),
      sql`INSERT INTO batches (name, kind, doc_no, approved_on, note, version, created_at, import_id)
        SELECT name, kind, doc_no, approved_on, ${note}, 1, ${a.now}, import_id FROM import_batches WHERE import_id = ${id}`,
      sql`INSERT INTO parcels (${PARCEL_COLUMNS}, batch_id, created_by, created_at, updated_at, import_id)
        SELECT ${PARCEL_VALUES},
          (SELECT b.id FROM batches b WHERE b.name = json_extract(r.payload, '$.batchName') ORDER BY b.id LIMIT 1),
          ${a.user.id}, ${a.now}, ${a.now}, ${id}
        FROM import_rows r WHERE r.import_id = ${id} ORDER BY r.row_no`,
      ...inject,
      sql`INSERT INTO parcel_events (parcel_id, kind, from_state, to_state, "on", data, note, actor_id, recorded_at, version, import_id)
        SELECT p.id, 'move', json_extract(e.value, '$.from'), json_extract(e.value, '$.to'), json_extract(e.value, '$.on'),
          json_extract(e.value, '$.data'), ${note}, ${a.user.id}, ${a.now}, e.key + 2, ${id}
        FROM import_rows r JOIN parcels p ON p.code = json_extract(r.payload, '$.p.code'), json_each(r.payload, '$.events') e
        WHERE r.import_id = ${id} ORDER BY r.row_no, e.key`,
      sql`DELETE FROM import_rows WHERE import_id = ${id}`,
    ]);
  } catch (e) {
    if (violates(e, "CHECK")) return { ok: false, status: 409, error: "version_conflict" };
    if (violates(e, "UNIQUE")) return { ok: false, status: 409, error: "duplicate" };
    throw e;
  }
  return { ok: true };
}

export type UndoResult = { ok: true } | { ok: false; status: 409; error: "version_conflict" | "moved_since" };

/**
 * Undoes a published import as a whole: its events, parcels and created batches go, in one batch
 * that first marks it undone (the only state in which the events trigger lets them go). Refused,
 * with nothing changed, once any of its parcels moved (or a batch it created gained a parcel).
 */
export async function undo(db: Db, id: number, version: number, a: Actor): Promise<UndoResult> {
  try {
    await runBatch(db, [
      sql`UPDATE imports SET status = 'undone', undone_by = ${a.user.id}, undone_at = ${a.now}, version = version + 1
        WHERE id = ${id} AND status = 'published' AND version = ${version}`,
      guard(sql`changes() = 0`),
      guard(sql`EXISTS (SELECT 1 FROM parcels p JOIN parcel_events e ON e.parcel_id = p.id
        WHERE p.import_id = ${id} AND (e.import_id IS NULL OR e.import_id <> ${id}))`),
      guard(sql`EXISTS (SELECT 1 FROM batches b JOIN parcels p ON p.batch_id = b.id
        WHERE b.import_id = ${id} AND (p.import_id IS NULL OR p.import_id <> ${id}))`),
      sql`DELETE FROM parcel_events WHERE import_id = ${id}`,
      sql`DELETE FROM parcels WHERE import_id = ${id}`,
      sql`DELETE FROM batches WHERE import_id = ${id}`,
    ]);
  } catch (e) {
    if (!violates(e, "CHECK")) throw e;
    // Which guard failed: the version one leaves the import as it was; tell the two apart by a read.
    const [row] = await db.all<{ status: string; version: number }>(
      sql`SELECT status, version FROM imports WHERE id = ${id}`,
    );
    return {
      ok: false,
      status: 409,
      error: row && row.status === "published" && row.version === version ? "moved_since" : "version_conflict",
    };
  }
  return { ok: true };
}
