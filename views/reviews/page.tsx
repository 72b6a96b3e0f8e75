import type { Child } from "hono/jsx";
import { shiftWeek } from "../../src/domain/review";
import { isoWeekOf } from "../../src/domain/week";
import { cellText } from "../../src/reviews/cells";
import type { LoadedReview } from "../../src/reviews/load";
import { reviewTables, type Table } from "../../src/reviews/tables";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { ChainChart, RankingChart } from "./charts";
import { ReviewTable } from "./table";

const href = (path: string, week: string) => `${path}?week=${encodeURIComponent(week)}`;

/** Week picker, previous/next week and the downloads: plain links and a GET form. */
function WeekNav(props: { ctx: PageCtx; week: string }) {
  const { ctx, week } = props;
  const next = shiftWeek(week, 1);
  return (
    <div class="rev-nav">
      <form class="filters" method="get" action="/reviews/weekly">
        <label>
          {ctx.t("rev.week")} <input type="week" name="week" value={week} required />
        </label>
        <button type="submit">{ctx.t("rev.show")}</button>
      </form>
      <p>
        <a href={href("/reviews/weekly", shiftWeek(week, -1))} rel="prev">
          ← {ctx.t("rev.prev")}
        </a>
        {next <= isoWeekOf(ctx.today) && (
          <>
            {" · "}
            <a href={href("/reviews/weekly", next)} rel="next">
              {ctx.t("rev.next")} →
            </a>
          </>
        )}
        {" · "}
        <a href={href("/reviews/weekly/export.csv", week)} download>
          {ctx.t("rev.csv")}
        </a>
        {" · "}
        <a href={href("/reviews/weekly/export.xlsx", week)} download>
          {ctx.t("rev.xlsx")}
        </a>
      </p>
      <p class="muted">{ctx.t("rev.printHint")}</p>
    </div>
  );
}

/** Where the figures come from, and — when the data changed since they were stored — both figures side by side. */
function Source(props: { ctx: PageCtx; l: LoadedReview }) {
  const { ctx, l } = props;
  if (!l.takenAt) return <p class="notice">{ctx.t("rev.liveNote")}</p>;
  const stored = <p class="notice">{ctx.t("rev.stored", { at: l.takenAt.slice(0, 16).replace("T", " ") + " UTC" })}</p>;
  if (!l.live) return stored;
  const cols = new Map(reviewTables(l.review).map((t) => [t.id, t]));
  return (
    <>
      {stored}
      <section class="notice warn" id="rev-changed">
        <p>{ctx.t("rev.changed")}</p>
        <table>
          <thead>
            <tr>
              {["rev.section", "rev.row", "rev.item", "rev.reported", "rev.now"].map((k) => (
                <th scope="col">{ctx.t(k)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {l.differences.map((d) => {
              const table = cols.get(d.table)!;
              const col = table.cols.find((c) => c.key === d.col)!;
              const row = d.rowCells.map((v, i) => cellText(ctx.lang, table.cols[table.key[i]], v)).join(" · ");
              return (
                <tr>
                  <td>{ctx.t(`rev.sheet.${d.table}`)}</td>
                  <td>{row}</td>
                  <td>{ctx.t(`rev.col.${d.col}`)}</td>
                  <td class="num">{cellText(ctx.lang, col, d.reported)}</td>
                  <td class="num">{cellText(ctx.lang, col, d.live)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Section(props: { id: string; title: string; children: Child }) {
  return (
    <section class="rev-section" id={`sec-${props.id}`} aria-labelledby={`h-${props.id}`}>
      <h2 id={`h-${props.id}`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** 周进度晾晒: the week's six sections, each a table (two with a chart), ready to print on A4 landscape. */
export function ReviewPage(props: { ctx: PageCtx; l: LoadedReview; printedAt: string }) {
  const { ctx, l } = props;
  const r = l.review;
  const tables = new Map<string, Table>(reviewTables(r).map((t) => [t.id, t]));
  const T = (id: string) => <ReviewTable ctx={ctx} table={tables.get(id)!} />;
  const heading = ctx.t("rev.heading", { week: r.week, startOn: r.startOn, endOn: r.endOn });
  return (
    <Layout ctx={ctx} title={`${ctx.t("rev.title")} ${r.week}`} printHead={false}>
      <div class="weekly-review">
        <div class="print-head" aria-hidden="true">
          {ctx.orgName} · {heading} · {ctx.t("rev.printedAt")} {props.printedAt}
        </div>
        <h1>{heading}</h1>
        <WeekNav ctx={ctx} week={r.week} />
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
