import { attachment } from "../http/download";
import { Hono, type Context } from "hono";
import { ceilingM2Of } from "../domain/plausibility";
import { sql } from "drizzle-orm";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { notFound } from "../http/respond";
import { pathId } from "../http/path";
import { matchHeaders, LEDGER_COLUMNS, headerKey, type LedgerKey } from "../domain/ledger";
import { ImportLogPage, DryRunPage, type DryRunView } from "../../views/imports/page";
import { pageCtx } from "../../views/page-context";
import { t } from "../i18n";
import { dryRun, findHeaderRow, headerSignature, type Problem } from "./plan";
import { ENCODINGS, readLedgerFile, type Encoding } from "./read-file";
import {
  batchNamesQuery,
  existingCodesQuery,
  importLogQuery,
  importQuery,
  mappingQuery,
  movedSinceQuery,
} from "./queries";
import { logRefused, publish, stage, undo, type FileMeta } from "./writes";
import { activeTownsQuery } from "../towns/queries";
import { problemsCsv } from "./report";

const LEDGER_KEYS = new Set<string>(LEDGER_COLUMNS.map((c) => c.key));

async function logPage(
  c: Context<AppEnv>,
  notice?: { kind: "ok" | "error"; text: string; codes?: string[] },
  status: 200 | 409 = 200,
) {
  const {
    results: [log],
  } = await authorize(c, (db) => [importLogQuery(db)]);
  return c.html(<ImportLogPage ctx={pageCtx(c)} log={log} notice={notice} />, status);
}

/** The upload's own choices: encoding (auto or forced), sheet, and a column mapping from the mapping step. */
function choices(form: Record<string, string | File>) {
  const enc = typeof form.encoding === "string" ? form.encoding : "";
  const sheet = typeof form.sheet === "string" && form.sheet.trim() ? form.sheet.trim() : undefined;
  const mapping: Record<number, LedgerKey | ""> = {};
  for (const [k, v] of Object.entries(form)) {
    const m = /^map\.(\d{1,3})$/.exec(k);
    if (m && typeof v === "string" && (v === "" || LEDGER_KEYS.has(v))) mapping[Number(m[1])] = v as LedgerKey | "";
  }
  return {
    encoding: (ENCODINGS as readonly string[]).includes(enc) ? (enc as Encoding) : undefined,
    sheet,
    mapping,
    remember: form.remember === "1",
  };
}

// 台账导入 (officer, admin): upload → dry run → commit; the log with undo; a refused run's report as CSV.
export const importPages = new Hono<AppEnv>()
  .get("/", (c) => {
    const done = c.req.query("done");
    const undone = c.req.query("undone");
    const lang = c.get("lang");
    if (done && /^\d{1,9}$/.test(done)) return logPage(c, { kind: "ok", text: t(lang, "imp.published", { id: done }) });
    if (undone && /^\d{1,9}$/.test(undone))
      return logPage(c, { kind: "ok", text: t(lang, "imp.undone", { id: undone }) });
    return logPage(c);
  })
  .post("/", async (c) => {
    const form = (await c.req.parseBody()) as Record<string, string | File>;
    const file = form.file;
    const opts = choices(form);
    const lang = c.get("lang");
    if (!(file instanceof File) || file.size === 0) {
      await authorize(c);
      return c.html(
        <DryRunPage
          ctx={pageCtx(c)}
          encoding={opts.encoding}
          view={{ kind: "refused", error: t(lang, "imp.file_empty") }}
        />,
        422,
      );
    }
    const read = readLedgerFile(new Uint8Array(await file.arrayBuffer()), opts);
    if (!read.ok) {
      await authorize(c);
      return c.html(
        <DryRunPage
          ctx={pageCtx(c)}
          encoding={opts.encoding}
          view={{ kind: "refused", error: t(lang, `imp.${read.code}`) }}
        />,
        422,
      );
    }
    const headerIndex = findHeaderRow(read.rows);
    const headers = read.rows[headerIndex].map(String);
    const signature = headerSignature(headers);
    const {
      db,
      user,
      results: [remembered, batches, towns],
    } = await authorize(c, (db) => [mappingQuery(db, signature), batchNamesQuery(db), activeTownsQuery(db)]);
    // The mapping step's choices win, then a mapping remembered for these headers, then the usual spellings.
    const saved: Record<string, LedgerKey | ""> = remembered[0] ? JSON.parse(remembered[0].mapping) : {};
    for (const [i, key] of Object.entries(opts.mapping)) saved[headerKey(headers[Number(i)] ?? "")] = key;
    const match = matchHeaders(headers, saved);
    const meta: FileMeta = {
      fileName: file.name.slice(0, 200) || "ledger",
      fileKind: read.kind,
      encoding: read.kind === "csv" ? read.encoding : null,
      sheet: read.kind === "xlsx" ? read.sheet : null,
    };
    const base = { meta, read, headers, match, headerIndex };
    if (match.missing.length || match.duplicates.length)
      return c.html(<DryRunPage ctx={pageCtx(c)} encoding={opts.encoding} view={{ kind: "mapping", ...base }} />, 422);

    const codeCol = match.columns.indexOf("code");
    const codes = read.rows
      .slice(headerIndex + 1)
      .map((r) =>
        String(r[codeCol] ?? "")
          .normalize("NFKC")
          .replace(/\p{Cf}/gu, "")
          .trim(),
      )
      .filter(Boolean);
    const existing = (await existingCodesQuery(db, codes)).map((r) => r.code);
    const run = dryRun(read.rows, headerIndex, match, {
      today: c.get("today"),
      existingCodes: new Set(existing),
      knownBatches: new Set(batches.map((b) => b.name)),
      towns: towns.map((x) => x.name),
      ceilingM2: ceilingM2Of(c.env.PARCEL_AREA_CEILING_HA),
    });
    const a = actorOf(c, user);
    const remember =
      opts.remember && Object.keys(opts.mapping).length
        ? sql`INSERT INTO import_mappings (signature, mapping, updated_by, updated_at)
            VALUES (${signature}, ${JSON.stringify(saved)}, ${a.user.id}, ${a.now})
            ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping, updated_by = excluded.updated_by, updated_at = excluded.updated_at`
        : undefined;
    if (run.problems.length || !run.staged.length) {
      const problems: Problem[] = run.staged.length
        ? run.problems
        : [
            ...run.problems,
            ...(run.problems.length ? [] : [{ row: headerIndex + 1, column: "", value: "", code: "no_rows" }]),
          ];
      const id = await logRefused(db, meta, run.dataRows, problems, a, remember);
      const view: DryRunView = { kind: "problems", ...base, id, problems, dataRows: run.dataRows };
      return c.html(<DryRunPage ctx={pageCtx(c)} encoding={opts.encoding} view={view} />, 422);
    }
    const id = await stage(db, meta, run, a, remember);
    return c.html(
      <DryRunPage ctx={pageCtx(c)} encoding={opts.encoding} view={{ kind: "staged", ...base, id, run }} />,
      200,
    );
  })
  .post("/:id/commit", async (c) => {
    const id = pathId(c);
    const form = await c.req.parseBody();
    const { db, user } = await authorize(c);
    if (id === null) return notFound(c);
    const version = Number(form.version);
    const r = await publish(db, id, Number.isInteger(version) ? version : 0, actorOf(c, user));
    if (r.ok) return c.redirect(`/import?done=${id}`, 303);
    return logPage(c, { kind: "error", text: t(c.get("lang"), `imp.publish_${r.error}`) }, 409);
  })
  .post("/:id/undo", async (c) => {
    const id = pathId(c);
    const form = await c.req.parseBody();
    const { db, user } = await authorize(c);
    if (id === null) return notFound(c);
    const version = Number(form.version);
    const r = await undo(db, id, Number.isInteger(version) ? version : 0, actorOf(c, user));
    if (r.ok) return c.redirect(`/import?undone=${id}`, 303);
    const lang = c.get("lang");
    if (r.error === "moved_since") {
      const moved = (await movedSinceQuery(db, id)).map((m) => m.code);
      return logPage(c, { kind: "error", text: t(lang, "imp.undo_moved"), codes: moved }, 409);
    }
    return logPage(c, { kind: "error", text: t(lang, "error.version_conflict") }, 409);
  })
  .get("/:id/report.csv", async (c) => {
    const id = pathId(c);
    const {
      results: [rows],
    } = await authorize(c, (db) => [importQuery(db, id ?? 0)]);
    const row = rows[0];
    if (id === null || !row || !row.report) return notFound(c);
    const body = problemsCsv(JSON.parse(row.report) as Problem[], c.get("lang"));
    return c.body(body, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(`import-${id}-problems.csv`, `导入问题-${id}.csv`),
      "X-Content-Type-Options": "nosniff",
    });
  });
