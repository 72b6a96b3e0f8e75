import { attachment } from "../http/download";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { t } from "../i18n";
import { ErrorPage } from "../../views/error-page";
import { pageCtx } from "../../views/page-context";
import { ReviewPage } from "../../views/reviews/page";
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

// 周进度晾晒 /reviews/weekly: the page, and the same tables as CSV and XLSX.
export const reviewPages = new Hono<AppEnv>()
  .get("/", async (c) => {
    const q = parseWeekQuery(c.req.query(), c.get("today"));
    if (!q.ok) return badWeek(c);
    const l = await loadReview(c, q.week);
    return c.html(<ReviewPage ctx={pageCtx(c)} l={l} printedAt={shanghaiMinute(c.get("now"))} />);
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
