import { attachment } from "../http/download";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { t } from "../i18n";
import { notFound } from "../http/respond";
import { ErrorPage } from "../../views/error-page";
import { pageCtx } from "../../views/page-context";
import { ReviewPage } from "../../views/reviews/page";
import { ReviewTablePage } from "../../views/reviews/table-page";
import { LONG_TABLES, tablePage } from "./first-view";
import { reviewCsv } from "./csv";
import { parseWeekQuery } from "./list-query";
import { loadReview } from "./load";
import { reviewTables } from "./tables";
import { reviewXlsx } from "./xlsx";

/** A malformed or future week: a page saying so, status 400 (the API answers the same in JSON). */
async function badWeek(c: Context<AppEnv>) {
  await authorize(c);
  return c.html(<ErrorPage c={c} status={400} message={t(c.get("lang"), "error.bad_week")} />, 400);
}

// The request's instant in Asia/Shanghai, minutes: the print time on every printed page.
const shanghaiMinute = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");

// `?page=` of a list: a whole number from 1; absent or blank is the first page.
const pageParam = (v: string | undefined) =>
  v === undefined || v === "" ? 1 : /^[1-9]\d{0,4}$/.test(v) ? Number(v) : null;

// 周进度晾晒 /reviews/weekly: the page (each long list's first rows), each list in full a page at a time, the
// print version (every row), and the same tables as CSV and XLSX.
export const reviewPages = new Hono<AppEnv>()
  .get("/", async (c) => {
    const q = parseWeekQuery(c.req.query(), c.get("today"));
    if (!q.ok) return badWeek(c);
    const l = await loadReview(c, q.week, { firstView: true });
    return c.html(<ReviewPage ctx={pageCtx(c)} l={l} printedAt={shanghaiMinute(c.get("now"))} />);
  })
  .get("/print", async (c) => {
    const q = parseWeekQuery(c.req.query(), c.get("today"));
    if (!q.ok) return badWeek(c);
    const l = await loadReview(c, q.week);
    return c.html(<ReviewPage ctx={pageCtx(c)} l={l} printedAt={shanghaiMinute(c.get("now"))} full />);
  })
  .get("/tables/:table", async (c) => {
    const q = parseWeekQuery(c.req.query(), c.get("today"));
    if (!q.ok) return badWeek(c);
    const id = c.req.param("table");
    const page = pageParam(c.req.query("page"));
    if (!LONG_TABLES.has(id)) {
      await authorize(c);
      return notFound(c);
    }
    if (page === null) {
      await authorize(c);
      return c.html(<ErrorPage c={c} status={400} message={t(c.get("lang"), "error.bad_request")} />, 400);
    }
    const l = await loadReview(c, q.week);
    const table = reviewTables(l.review).find((t) => t.id === id)!;
    return c.html(<ReviewTablePage ctx={pageCtx(c)} l={l} p={tablePage(table, page)} />);
  })
  .get("/export.csv", async (c) => {
    const q = parseWeekQuery(c.req.query(), c.get("today"));
    if (!q.ok) return badWeek(c);
    const r = (await loadReview(c, q.week)).review;
    const lang = c.get("lang");
    const heading = t(lang, "rev.heading", { week: r.week, startOn: r.startOn, endOn: r.endOn });
    return c.body(reviewCsv(lang, heading, reviewTables(r)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(`weekly-review-${r.week}.csv`, `周进度晾晒-${r.week}.csv`),
    });
  })
  .get("/export.xlsx", async (c) => {
    const q = parseWeekQuery(c.req.query(), c.get("today"));
    if (!q.ok) return badWeek(c);
    const r = (await loadReview(c, q.week)).review;
    return c.body(reviewXlsx(c.get("lang"), reviewTables(r)), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachment(`weekly-review-${r.week}.xlsx`, `周进度晾晒-${r.week}.xlsx`),
    });
  });
