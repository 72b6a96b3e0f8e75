import { attachment } from "../http/download";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { varyOnHtmx, wantsFragment } from "../http/fragment";
import { t } from "../i18n";
import { pageCtx } from "../../views/page-context";
import { ErrorPage } from "../../views/error-page";
import { DigestionPage } from "../../views/digestion/page";
import { WORK_LIST_ID, WorkList } from "../../views/digestion/work-list";
import { workListCsvHead, workListCsvRows } from "./csv";
import { digestionReads, shapeDigestion, workItems } from "./figures";
import { parseDigestionQuery } from "./list-query";
import { workListQuery } from "./queries";

// Rows the CSV export reads per D1 call while it streams the whole work list.
const CSV_PAGE = 1000;

/** A malformed year or date: a page saying which, with status 400 (the API answers the same in JSON). */
async function badQuery(c: Context<AppEnv>, fields: string[]) {
  await authorize(c);
  const message = `${t(c.get("lang"), "dig.badQuery")}: ${fields.join(", ")}`;
  return c.html(<ErrorPage c={c} status={400} message={message} />, 400);
}

// 批而未供 digestion pages: the page (or, for htmx paging, the work list alone) and the work list as CSV.
export const digestionPages = new Hono<AppEnv>()
  .get("/", async (c) => {
    varyOnHtmx(c);
    const q = parseDigestionQuery(c.req.query(), c.get("today"));
    if (!q.ok)
      return badQuery(
        c,
        q.issues.map((i) => i.path),
      );
    const { results } = await authorize(c, (db) => digestionReads(db, q));
    const d = shapeDigestion(q, results);
    const paged = q.cursor !== undefined;
    if (wantsFragment(c) && c.req.header("HX-Target") === WORK_LIST_ID)
      return c.html(<WorkList ctx={pageCtx(c)} d={d} paged={paged} />);
    return c.html(<DigestionPage ctx={pageCtx(c)} d={d} paged={paged} />);
  })
  .get("/work-list.csv", async (c) => {
    const q = parseDigestionQuery(c.req.query(), c.get("today"));
    if (!q.ok)
      return badQuery(
        c,
        q.issues.map((i) => i.path),
      );
    // The whole remaining stock, page by page on the work list's keyset (the first page with the session),
    // streamed as it is read: no cap on the rows, no whole file held in memory.
    const lang = c.get("lang");
    const { db, results } = await authorize(c, (db) => [workListQuery(db, q.asOf, CSV_PAGE)]);
    let rows: (typeof results)[0] | null = results[0];
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const enc = new TextEncoder();
        if (rows === null) return controller.close();
        const page = rows.slice(0, CSV_PAGE);
        controller.enqueue(enc.encode(workListCsvRows(workItems(page, q.asOf), lang)));
        const last = page.at(-1);
        rows =
          rows.length > CSV_PAGE && last
            ? await workListQuery(db, q.asOf, CSV_PAGE, { approvedOn: last.approvedOn, id: last.id })
            : null;
      },
      start(controller) {
        controller.enqueue(new TextEncoder().encode(workListCsvHead(lang)));
      },
    });
    const name = `批而未供工作清单-${q.year}-${q.asOf}.csv`;
    return c.body(stream, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(`work-list-${q.asOf}.csv`, name),
    });
  });
