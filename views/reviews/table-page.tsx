import type { tablePage } from "../../src/reviews/first-view";
import type { LoadedReview } from "../../src/reviews/load";
import { countText } from "../components/figures";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { reviewHref, Source } from "./nav";
import { ReviewTable } from "./table";

type Paged = ReturnType<typeof tablePage>;

/** Previous and next page of one list: plain links, "page x of y" between them. */
function ListPager(props: { ctx: PageCtx; week: string; p: Paged }) {
  const { ctx, week, p } = props;
  if (p.pages <= 1) return null;
  const to = (n: number) =>
    reviewHref(`/reviews/weekly/tables/${p.table.id}`, week, n === 1 ? {} : { page: String(n) });
  return (
    <nav class="pager" aria-label={ctx.t("rev.pages")}>
      {p.page > 1 && (
        <a href={to(p.page - 1)} rel="prev">
          {ctx.t("rev.prevPage")}
        </a>
      )}
      <span aria-current="page">{ctx.t("rev.pageOf", { page: p.page, pages: p.pages })}</span>
      {p.page < p.pages && (
        <a href={to(p.page + 1)} rel="next">
          {ctx.t("common.next")}
        </a>
      )}
    </nav>
  );
}

/** One list of the week's review in full, a page at a time: what the review page shows the first rows of. */
export function ReviewTablePage(props: { ctx: PageCtx; l: LoadedReview; p: Paged }) {
  const { ctx, l, p } = props;
  const r = l.review;
  const sheet = ctx.t(`rev.sheet.${p.table.id}`);
  const heading = ctx.t("rev.heading", { week: r.week, startOn: r.startOn, endOn: r.endOn });
  const last = p.from + p.table.rows.length;
  return (
    <Layout ctx={ctx} title={`${sheet} · ${ctx.t("rev.title")} ${r.week}`}>
      <h1>
        {heading} · {sheet}
      </h1>
      <p>
        <a href={reviewHref("/reviews/weekly", r.week)}>← {ctx.t("rev.back")}</a>
      </p>
      <Source ctx={ctx} l={l} differences={false} />
      <p class="list-totals" id="rev-list-totals" data-total={p.total}>
        {p.total === 0
          ? ctx.t("rev.empty")
          : ctx.t("rev.rowsOf", { from: countText(p.from + 1), to: countText(last), total: countText(p.total) })}
      </p>
      {p.table.id === "moves" && <p class="muted">{ctx.t("rev.lateNote")}</p>}
      <ReviewTable ctx={ctx} table={p.table} />
      <ListPager ctx={ctx} week={r.week} p={p} />
    </Layout>
  );
}
