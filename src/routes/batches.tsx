import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { findBatch, firstApprovalYear, listBatchParcels, listBatches, sumsApprovedBetween } from "../db/batches";
import { getDb } from "../db/client";
import { benchmarkWindow } from "../domain/batch-figures";
import type { AppEnv } from "../env";
import { pageActor } from "../http/actor";
import { approvalBody, BATCH_FORM_ALIASES, BATCH_FORM_FIELDS, batchBody } from "../http/batch-form";
import { fiveYearJson } from "../http/batch-json";
import { BATCH_PAGE_SIZE, parseBatchQuery } from "../http/batch-query";
import { varyOnHtmx, wantsFragment } from "../http/fragment";
import { fieldErrors, readForm } from "../http/parcel-form";
import { t } from "../i18n";
import { approveBatchOp, createBatchOp } from "../ops/batch-ops";
import { emptyForm, type FormScope } from "../../views/components/field";
import { ErrorPage } from "../../views/error-page";
import { pageCtx } from "../../views/page-context";
import { BatchDetailPage, BatchDetailSection } from "../../views/batches/detail-page";
import { BatchesPage } from "../../views/batches/list-page";
import { NewBatchPage } from "../../views/batches/new-page";
import { BatchRows } from "../../views/batches/rows";
import { pathId } from "./api/parcels";

const notFound = (c: Context<AppEnv>) => c.html(<ErrorPage c={c} status={404} message={t(c.get("lang"), "error.not_found")} />, 404);

type DetailState = { approval?: FormScope; conflict?: string; approved?: number };

/** The batch detail: the section alone for htmx (it replaces itself), the whole page otherwise. */
async function renderDetail(c: Context<AppEnv>, id: number | null, state: DetailState = {}, status: ContentfulStatusCode = 200) {
  const db = getDb(c.env);
  const found = id === null ? undefined : await findBatch(db, id);
  if (!found) return notFound(c);
  const props = { ctx: pageCtx(c), found, parcels: await listBatchParcels(db, found.batch.id), today: c.get("today"), approval: state.approval ?? emptyForm("appr"), conflict: state.conflict, approved: state.approved };
  return wantsFragment(c) ? c.html(<BatchDetailSection {...props} />, status) : c.html(<BatchDetailPage {...props} />, status);
}

// HTML pages for /batches (SPEC §4): the list with the five-year figure, the register form, one batch and its approval.
export const batchPages = new Hono<AppEnv>()
  .get("/", async (c) => {
    varyOnHtmx(c);
    const values = c.req.query();
    const q = parseBatchQuery(values);
    // A hand-edited URL with a bad filter still gets the list, with a notice that the filters were dropped.
    const { filter, sort, dir, limit, cursor } = q.ok ? q : { filter: {}, sort: "approvedOn" as const, dir: "desc" as const, limit: BATCH_PAGE_SIZE, cursor: undefined };
    const db = getDb(c.env);
    const today = c.get("today");
    const page = await listBatches(db, filter, sort, dir, limit, cursor);
    const rows = { ctx: pageCtx(c), items: page.items, order: { filter, sort, dir }, cursor, next: page.next, today };
    const status = q.ok ? 200 : 400;
    if (wantsFragment(c)) return c.html(<BatchRows {...rows} />, status);
    const window = benchmarkWindow(today);
    const [sums, first] = await Promise.all([sumsApprovedBetween(db, window.from, window.to), firstApprovalYear(db)]);
    // The year filter offers this year back to the earliest approval, newest first.
    const thisYear = Number(today.slice(0, 4));
    const years = first === null ? [] : Array.from({ length: Math.max(0, thisYear - first) + 1 }, (_, i) => thisYear - i);
    return c.html(<BatchesPage {...rows} values={values} years={years} five={fiveYearJson(window, sums)} badQuery={!q.ok} />, status);
  })
  .get("/new", (c) => c.html(<NewBatchPage ctx={pageCtx(c)} f={emptyForm("batch", { unit: "mu" })} />))
  .post("/", async (c) => {
    const values = await readForm(c);
    const r = await createBatchOp(getDb(c.env), batchBody(values), pageActor(c));
    if (r.ok) return c.redirect(`/batches/${r.batch.batch.id}`, 303);
    const errors = fieldErrors(c.get("lang"), r.issues ?? [], BATCH_FORM_FIELDS, BATCH_FORM_ALIASES);
    return c.html(<NewBatchPage ctx={pageCtx(c)} f={{ id: "batch", values, errors }} />, r.status);
  })
  .get("/:id", (c) => renderDetail(c, pathId(c)))
  .post("/:id/approval", async (c) => {
    const id = pathId(c);
    if (id === null) return notFound(c);
    const values = await readForm(c);
    const r = await approveBatchOp(getDb(c.env), id, approvalBody(values), pageActor(c));
    if (r.ok) return wantsFragment(c) ? renderDetail(c, id, { approved: r.moved }) : c.redirect(`/batches/${id}`, 303);
    if (r.status === 404) return notFound(c);
    if (r.status === 409) return renderDetail(c, id, { conflict: r.error }, 409);
    const errors = fieldErrors(c.get("lang"), r.issues ?? [], ["docNo", "date"]);
    return renderDetail(c, id, { approval: { id: "appr", values, errors } }, 422);
  });
