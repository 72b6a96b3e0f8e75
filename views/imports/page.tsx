import { formatHa, formatMu } from "../../src/domain/area";
import { STATES } from "../../src/domain/chain";
import { LEDGER_COLUMNS, type HeaderMatch } from "../../src/domain/ledger";
import type { DryRun, Problem } from "../../src/imports/plan";
import type { ImportLogRow } from "../../src/imports/queries";
import type { FileMeta } from "../../src/imports/writes";
import type { LedgerFile } from "../../src/imports/read-file";
import { problemText } from "../../src/imports/report";
import { Instant } from "../components/instant";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";

type Base = {
  meta: FileMeta;
  read: LedgerFile & { ok: true };
  headers: string[];
  match: HeaderMatch;
  headerIndex: number;
};
export type DryRunView =
  | { kind: "refused"; error: string }
  | ({ kind: "mapping" } & Base)
  | ({ kind: "problems"; id: number; problems: Problem[]; dataRows: number } & Base)
  | ({ kind: "staged"; id: number; run: DryRun } & Base);

// A report longer than this is cut on the page; the CSV has every problem.
const SHOWN = 500;

/** The upload form; after a mapping step it carries the chosen field of each column. */
function UploadForm(props: { ctx: PageCtx; view?: DryRunView; encoding?: string }) {
  const { ctx, view } = props;
  const t = ctx.t;
  const mapping = view && view.kind === "mapping" ? view : undefined;
  const sheets = view && "read" in view && view.read.kind === "xlsx" ? view.read.sheets : undefined;
  return (
    <form method="post" action="/import" enctype="multipart/form-data" class="import-upload">
      {mapping && <MappingTable ctx={ctx} view={mapping} />}
      <div class="form-grid">
        <div class="field">
          <label for="imp-file">{t("imp.file")}</label>
          <input
            id="imp-file"
            type="file"
            name="file"
            accept=".xlsx,.csv,text/csv"
            required
            aria-describedby="imp-file-hint"
          />
          <small id="imp-file-hint">{t("imp.file_hint")}</small>
        </div>
        <div class="field">
          <label for="imp-encoding">{t("imp.encoding")}</label>
          <select id="imp-encoding" name="encoding">
            {["", "utf-8", "gb18030"].map((e) => (
              <option value={e} selected={(props.encoding ?? "") === e}>
                {t(e ? `imp.encoding.${e}` : "imp.encoding.auto")}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="imp-sheet">{t("imp.sheet")}</label>
          {sheets ? (
            <select id="imp-sheet" name="sheet">
              {sheets.map((s) => (
                <option value={s} selected={view && "meta" in view && view.meta.sheet === s}>
                  {s}
                </option>
              ))}
            </select>
          ) : (
            <input id="imp-sheet" name="sheet" aria-describedby="imp-sheet-hint" />
          )}
          <small id="imp-sheet-hint">{t("imp.sheet_hint")}</small>
        </div>
      </div>
      <button type="submit">{view ? t("imp.again") : t("imp.dry_run")}</button>
    </form>
  );
}

function MappingTable(props: { ctx: PageCtx; view: Extract<DryRunView, { kind: "mapping" }> }) {
  const { ctx, view } = props;
  const t = ctx.t;
  const label = (key: string) => LEDGER_COLUMNS.find((c) => c.key === key)?.headers[0] ?? key;
  return (
    <section aria-labelledby="imp-mapping-h">
      <h2 id="imp-mapping-h">{t("imp.mapping")}</h2>
      <div class="notice error" role="alert">
        <p>{t("imp.mapping_lead")}</p>
        {view.match.missing.length > 0 && (
          <p>{t("imp.mapping_missing", { fields: view.match.missing.map(label).join("、") })}</p>
        )}
        {view.match.duplicates.map((d) => (
          <p>{t("imp.mapping_duplicate", { field: label(d.key) })}</p>
        ))}
      </div>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("imp.header")}</th>
              <th scope="col">{t("imp.field")}</th>
            </tr>
          </thead>
          <tbody>
            {view.headers.map((h, i) => (
              <tr>
                <th scope="row">
                  <label for={`imp-map-${i}`}>{h || `#${i + 1}`}</label>
                </th>
                <td>
                  <select id={`imp-map-${i}`} name={`map.${i}`}>
                    <option value="" selected={view.match.columns[i] === null}>
                      {t("imp.map_skip")}
                    </option>
                    {LEDGER_COLUMNS.map((c) => (
                      <option value={c.key} selected={view.match.columns[i] === c.key}>
                        {c.headers[0]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <input id="imp-remember" type="checkbox" name="remember" value="1" checked />
        <label for="imp-remember">{t("imp.remember")}</label>
      </p>
    </section>
  );
}

function ReadAs(props: { ctx: PageCtx; read: LedgerFile & { ok: true } }) {
  const { ctx, read } = props;
  const words =
    read.kind === "csv"
      ? ctx.t("imp.read_csv", {
          encoding: ctx.t(`imp.encoding.${read.encoding}`),
          detected: ctx.t(`imp.encoding.${read.detected}`),
        })
      : ctx.t("imp.read_xlsx", { sheet: read.sheet });
  return (
    <p>
      {ctx.t("imp.read_as")}：{words}
    </p>
  );
}

/** The dry run's answer: a refusal, the mapping step, the problems, or the rows ready to commit. */
export function DryRunPage(props: { ctx: PageCtx; view: DryRunView; encoding?: string }) {
  const { ctx, view } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t("imp.title")}>
      <h1>{t("imp.title")}</h1>
      {view.kind === "refused" && (
        <div class="notice error" role="alert">
          {view.error}
        </div>
      )}
      {"read" in view && <ReadAs ctx={ctx} read={view.read} />}
      {view.kind === "problems" && <ProblemList ctx={ctx} view={view} />}
      {view.kind === "staged" && <StagedSummary ctx={ctx} view={view} />}
      {view.kind !== "staged" && <UploadForm ctx={ctx} view={view} encoding={props.encoding} />}
      <p>
        <a href="/import">{t("imp.log")}</a>
      </p>
    </Layout>
  );
}

function ProblemList(props: { ctx: PageCtx; view: Extract<DryRunView, { kind: "problems" }> }) {
  const { ctx, view } = props;
  const t = ctx.t;
  return (
    <section aria-labelledby="imp-problems-h">
      <h2 id="imp-problems-h">{t("imp.col.problem")}</h2>
      <div class="notice error" role="alert">
        {t("imp.problems", { n: view.problems.length, rows: view.dataRows })}
        {view.problems.length > SHOWN && " " + t("imp.problems_more", { shown: SHOWN })}
      </div>
      <p>
        <a href={`/import/${view.id}/report.csv`} download>
          {t("imp.report_csv")}
        </a>
      </p>
      <div class="table-wrap">
        <table class="import-problems">
          <thead>
            <tr>
              <th scope="col" class="num">
                {t("imp.col.row")}
              </th>
              <th scope="col">{t("imp.col.column")}</th>
              <th scope="col">{t("imp.col.value")}</th>
              <th scope="col">{t("imp.col.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {view.problems.slice(0, SHOWN).map((p) => (
              <tr>
                <td class="num">{p.row}</td>
                <td>{p.column}</td>
                <td>{p.value}</td>
                <td>{problemText(ctx.lang, p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function StagedSummary(props: { ctx: PageCtx; view: Extract<DryRunView, { kind: "staged" }> }) {
  const { ctx, view } = props;
  const t = ctx.t;
  const byState = STATES.map((s) => {
    const rows = view.run.staged.filter((r) => r.p.state === s);
    return { s, n: rows.length, m2: rows.reduce((sum, r) => sum + Number(r.p.areaM2 ?? 0), 0) };
  }).filter((x) => x.n > 0);
  const total = byState.reduce((a, x) => ({ n: a.n + x.n, m2: a.m2 + x.m2 }), { n: 0, m2: 0 });
  const events = view.run.staged.reduce((n, r) => n + r.events.length, 0);
  return (
    <section aria-labelledby="imp-staged-h">
      <h2 id="imp-staged-h">{t("imp.by_state")}</h2>
      <div class="notice ok" role="status">
        {t("imp.staged", { rows: view.run.staged.length })}
      </div>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("imp.col.status")}</th>
              <th scope="col" class="num">
                {t("imp.count")}
              </th>
              <th scope="col" class="num">
                {t("imp.area")}
              </th>
            </tr>
          </thead>
          <tbody>
            {byState.map((x) => (
              <tr>
                <td>{t(`state.${x.s}`)}</td>
                <td class="num">{x.n}</td>
                <td class="num">{formatMu(x.m2)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("imp.total")}</th>
              <td class="num">{total.n}</td>
              <td class="num">
                {formatMu(total.m2)}（{formatHa(total.m2)} 公顷）
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p>{t("imp.events", { n: events })}</p>
      {view.run.newBatches.length > 0 && (
        <>
          <h3>{t("imp.new_batches")}</h3>
          <ul>
            {view.run.newBatches.map((b) => (
              <li>
                {b.name}
                {b.docNo ? `（${b.docNo}${b.approvedOn ? `，${b.approvedOn}` : ""}）` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
      <form method="post" action={`/import/${view.id}/commit`}>
        <input type="hidden" name="version" value="1" />
        <button type="submit">{t("imp.commit")}</button>
      </form>
    </section>
  );
}

/** `/import`: the upload form, a notice after a commit or an undo, and the import log. */
export function ImportLogPage(props: {
  ctx: PageCtx;
  log: ImportLogRow[];
  notice?: { kind: "ok" | "error"; text: string; codes?: string[] };
}) {
  const { ctx, log, notice } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t("imp.title")}>
      <h1>{t("imp.title")}</h1>
      {notice && (
        <div class={`notice ${notice.kind}`} role={notice.kind === "ok" ? "status" : "alert"}>
          {notice.text}
          {notice.codes && notice.codes.length > 0 && (
            <ul>
              {notice.codes.map((code) => (
                <li>
                  <a href={`/parcels?q=${encodeURIComponent(code)}`}>{code}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p>{t("imp.lead")}</p>
      <UploadForm ctx={ctx} />
      <h2>{t("imp.log")}</h2>
      {log.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t("imp.col.id")}
                </th>
                <th scope="col">{t("imp.col.file")}</th>
                <th scope="col" class="num">
                  {t("imp.col.rows")}
                </th>
                <th scope="col">{t("imp.col.by")}</th>
                <th scope="col">{t("imp.col.at")}</th>
                <th scope="col">{t("imp.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((x) => (
                <tr>
                  <td class="num">{x.id}</td>
                  <td>{x.fileName}</td>
                  <td class="num">{x.rowCount}</td>
                  <td>{x.by}</td>
                  <td>
                    <Instant iso={x.createdAt} />
                  </td>
                  <td>
                    {t(`imp.status.${x.status}`, { n: x.problemCount })}
                    {x.status === "refused" && (
                      <>
                        {" "}
                        <a href={`/import/${x.id}/report.csv`} download>
                          {t("imp.report_csv")}
                        </a>
                      </>
                    )}
                    {x.status === "published" && (
                      <form method="post" action={`/import/${x.id}/undo`} class="inline" title={t("imp.undo_hint")}>
                        <input type="hidden" name="version" value={String(x.version)} />
                        <button type="submit" class="secondary">
                          {t("imp.undo")}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty">{t("imp.log_empty")}</p>
      )}
    </Layout>
  );
}
