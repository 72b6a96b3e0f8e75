import type { Child } from "hono/jsx";
import { FIRST_ROWS, firstRows } from "../../src/reviews/first-view";
import type { LoadedReview } from "../../src/reviews/load";
import { reviewTables, type Table } from "../../src/reviews/tables";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { ChainChart, RankingChart } from "./charts";
import { reviewHref, Source, WeekNav } from "./nav";
import { ReviewTable } from "./table";

function Section(props: { id: string; title: string; children: Child }) {
  return (
    <section class="rev-section" id={`sec-${props.id}`} aria-labelledby={`h-${props.id}`}>
      <h2 id={`h-${props.id}`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/**
 * 周进度晾晒: the week's six sections, each a table (two with a chart), ready to print on A4 landscape. The
 * page (`full` false) shows each long list's first rows with a link to all of them; the print version
 * (`full`) shows every row.
 */
export function ReviewPage(props: { ctx: PageCtx; l: LoadedReview; printedAt: string; full?: boolean }) {
  const { ctx, l, full } = props;
  const r = l.review;
  const tables = new Map<string, Table>(reviewTables(r).map((t) => [t.id, t]));
  const shown = new Map(
    [...tables].map(([id, t]) => [id, full ? { table: t, total: t.rows.length } : firstRows(t, l.totals)]),
  );
  const cut = [...shown.values()].some((s) => s.total > s.table.rows.length);
  const T = (id: string) => {
    const { table, total } = shown.get(id)!;
    const more = reviewHref(`/reviews/weekly/tables/${id}`, r.week);
    return <ReviewTable ctx={ctx} table={table} total={total} moreHref={more} />;
  };
  const heading = ctx.t("rev.heading", { week: r.week, startOn: r.startOn, endOn: r.endOn });
  return (
    <Layout ctx={ctx} title={`${ctx.t("rev.title")} ${r.week}`} printHead={false}>
      <div class="weekly-review">
        <div class="print-head" aria-hidden="true">
          {ctx.orgName} · {heading} · {ctx.t("rev.printedAt")} {props.printedAt}
        </div>
        <h1>{heading}</h1>
        <WeekNav ctx={ctx} week={r.week} />
        {full && <p class="notice rev-print-note">{ctx.t("rev.printNote")}</p>}
        {cut && <p class="print-only">{ctx.t("rev.firstViewPrinted", { n: FIRST_ROWS })}</p>}
        <Source ctx={ctx} l={l} />
        <Section id="chain" title={ctx.t("rev.sheet.chain")}>
          <ChainChart ctx={ctx} r={r} />
          {T("chain")}
        </Section>
        <Section id="moves" title={ctx.t("rev.sheet.moves")}>
          {T("movesByState")}
          <p class="muted">{ctx.t("rev.lateNote")}</p>
          {T("moves")}
          {T("corrections")}
        </Section>
        <Section id="digestion" title={`${ctx.t("rev.sheet.digestion")} · ${ctx.t("rev.sheet.rates")}`}>
          {T("digestion")}
          {T("rates")}
        </Section>
        <Section id="projects" title={`${ctx.t("rev.sheet.projects")} · ${ctx.t("rev.sheet.problems")}`}>
          {T("projects")}
          {T("problems")}
        </Section>
        <Section id="idle" title={`${ctx.t("rev.sheet.idle")} · ${ctx.t("rev.sheet.lapsing")}`}>
          {T("idle")}
          {T("lapsing")}
        </Section>
        <Section id="ranking" title={ctx.t("rev.sheet.ranking")}>
          <RankingChart ctx={ctx} r={r} />
          {T("ranking")}
        </Section>
      </div>
    </Layout>
  );
}
