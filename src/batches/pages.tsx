import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { benchmarkWindow } from "../domain/batch-figures";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { fieldErrors, readForm } from "../http/form";
import { varyOnHtmx, wantsFragment } from "../http/fragment";
import { pathId } from "../http/path";
import { notFound } from "../http/respond";
import { plannedParcelsQuery } from "./approval-write";
import { approvalBody, BATCH_FORM_ALIASES, BATCH_FORM_FIELDS, batchBody } from "./form";
import { fiveYearJson } from "./json";
import { BATCH_LIST_DEFAULTS, parseBatchQuery } from "./list-query";
import {
  approvedBetweenSumsQuery,
  batchListPage,
  batchListQuery,
  batchParcelsQuery,
  batchQuery,
  firstApprovalQuery,
  firstYearOf,
  type BatchWithTotals,
} from "./queries";
import { approveBatch, createBatch } from "./writes";
import { batchCsvStream, batchXlsxStream } from "./export";
import { batchChoicePages } from "./choices";
import { fileAnswer, type FileFormat } from "../http/download";
import { t } from "../i18n";
import { emptyForm, type FormScope } from "../../views/components/field";
import { pageCtx } from "../../views/page-context";
import { BatchDetailPage, BatchDetailSection } from "../../views/batches/detail-page";
import { BatchesPage } from "../../views/batches/list-page";
import { NewBatchPage } from "../../views/batches/new-page";
import { BatchRows } from "../../views/batches/rows";

type DetailState = { approval?: FormScope; conflict?: string; approved?: number };
type Parcels = Awaited<ReturnType<typeof batchParcelsQuery>>;

/** The batch detail: the section alone for htmx (it replaces itself), the whole page otherwise. */
function renderDetail(
  c: Context<AppEnv>,
  found: BatchWithTotals | undefined,
  parcels: Parcels,
  state: DetailState = {},
  status: ContentfulStatusCode = 200,
) {
  if (!found) return notFound(c);
  const props = {
    ctx: pageCtx(c),
    found,
    parcels,
    today: c.get("today"),
    approval: state.approval ?? emptyForm("appr"),
    conflict: state.conflict,
    approved: state.approved,
  };
  return wantsFragment(c)
    ? c.html(<BatchDetailSection {...props} />, status)
    : c.html(<BatchDetailPage {...props} />, status);
}

const EXPORTS = { csv: batchCsvStream, xlsx: batchXlsxStream } as const;

/** The batch list as filtered and sorted, as a file named for the day: 农转用批次-2024-06-30.xlsx. */
async function exportBatches(c: Context<AppEnv>, format: FileFormat) {
  const q = parseBatchQuery(c.req.query());
  const { db } = await authorize(c);
  if (!q.ok) return c.text(t(c.get("lang"), "error.bad_request"), 400);
  return fileAnswer(c, EXPORTS[format](db, q, c.get("lang"), c.get("today")), format, "batches", "农转用批次");
}

// HTML pages for /batches (docs/PRODUCT.md §4): the list with the five-year figure, the register form, one batch and its approval.
export const batchPages = new Hono<AppEnv>()
  .get("/", async (c) => {
    varyOnHtmx(c);
    const values = c.req.query();
    const q = parseBatchQuery(values);
    // A hand-edited URL with a bad filter still gets the list, with a notice that the filters were dropped.
    const { filter, sort, dir, limit, cursor } = q.ok ? q : { ...BATCH_LIST_DEFAULTS, filter: {}, cursor: undefined };
    const today = c.get("today");
    const window = benchmarkWindow(today);
    // The fragment needs only the rows; the page also the five-year figure and the year range, all in one round trip.
    const {
      results: [rows, [sums], first],
    } = await authorize(c, (db) => [
      batchListQuery(db, filter, sort, dir, limit, cursor),
      approvedBetweenSumsQuery(db, window.from, window.to),
      firstApprovalQuery(db),
    ]);
    const page = batchListPage(rows, limit, sort);
    const list = { ctx: pageCtx(c), items: page.items, order: { filter, sort, dir }, cursor, next: page.next, today };
    const status = q.ok ? 200 : 400;
    if (wantsFragment(c)) return c.html(<BatchRows {...list} />, status);
    // The year filter offers this year back to the earliest approval, newest first.
    const firstYear = firstYearOf(first);
    const thisYear = Number(today.slice(0, 4));
    const years =
      firstYear === null ? [] : Array.from({ length: Math.max(0, thisYear - firstYear) + 1 }, (_, i) => thisYear - i);
    return c.html(
      <BatchesPage {...list} values={values} years={years} five={fiveYearJson(window, sums)} badQuery={!q.ok} />,
      status,
    );
  })
  // The list as filtered and sorted, every page of it, as CSV or XLSX.
  .get("/export.csv", (c) => exportBatches(c, "csv"))
  .get("/export.xlsx", (c) => exportBatches(c, "xlsx"))
  // Before /:id, which would otherwise answer /batches/choices (and the route table judge it so).
  .route("/", batchChoicePages)
  .get("/new", async (c) => {
    await authorize(c);
    return c.html(<NewBatchPage ctx={pageCtx(c)} f={emptyForm("batch", { unit: "mu" })} />);
  })
  .post("/", async (c) => {
    const { user, db } = await authorize(c);
    const values = await readForm(c);
    const r = await createBatch(db, batchBody(values), actorOf(c, user));
    if (r.ok) return c.redirect(`/batches/${r.batch.batch.id}`, 303);
    const errors = fieldErrors(c.get("lang"), r.issues ?? [], BATCH_FORM_FIELDS, BATCH_FORM_ALIASES);
    return c.html(<NewBatchPage ctx={pageCtx(c)} f={{ id: "batch", values, errors }} />, r.status);
  })
  .get("/:id", async (c) => {
    const id = pathId(c) ?? 0;
    const {
      results: [[found], parcels],
    } = await authorize(c, (db) => [batchQuery(db, id), batchParcelsQuery(db, id)]);
    return renderDetail(c, found, parcels);
  })
  .post("/:id/approval", async (c) => {
    const id = pathId(c) ?? 0;
    const {
      user,
      db,
      results: [[found], parcels, planned],
    } = await authorize(c, (db) => [batchQuery(db, id), batchParcelsQuery(db, id), plannedParcelsQuery(db, id)]);
    const values = await readForm(c);
    const r = await approveBatch(db, found, planned, approvalBody(values), actorOf(c, user));
    if (r.ok && !wantsFragment(c)) return c.redirect(`/batches/${id}`, 303);
    if (r.ok) return renderDetail(c, r.batch, await batchParcelsQuery(db, id), { approved: r.moved });
    if (r.status === 404) return notFound(c);
    if (r.status === 409) return renderDetail(c, found, parcels, { conflict: r.error }, 409);
    const errors = fieldErrors(c.get("lang"), r.issues ?? [], ["docNo", "date"]);
    return renderDetail(c, found, parcels, { approval: { id: "appr", values, errors } }, 422);
  });
