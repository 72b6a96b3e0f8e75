import { shiftWeek } from "../../src/domain/review";
import { isoWeekOf } from "../../src/domain/week";
import { cellText } from "../../src/reviews/cells";
import type { LoadedReview } from "../../src/reviews/load";
import { reviewTables } from "../../src/reviews/tables";
import type { PageCtx } from "../page-context";

/** `/reviews/weekly…` with the week (and any other query keys) in its query string. */
export const reviewHref = (path: string, week: string, more: Record<string, string> = {}) =>
  `${path}?${new URLSearchParams({ week, ...more }).toString()}`;

/** Week picker, previous/next week, the print version and the downloads: plain links and a GET form. */
export function WeekNav(props: { ctx: PageCtx; week: string }) {
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
        <a href={reviewHref("/reviews/weekly", shiftWeek(week, -1))} rel="prev">
          ← {ctx.t("rev.prev")}
        </a>
        {next <= isoWeekOf(ctx.today) && (
          <>
            {" · "}
            <a href={reviewHref("/reviews/weekly", next)} rel="next">
              {ctx.t("rev.next")} →
            </a>
          </>
        )}
        {" · "}
        <a href={reviewHref("/reviews/weekly/print", week)} id="rev-print-link">
          {ctx.t("rev.printVersion")}
        </a>
        {" · "}
        <a href={reviewHref("/reviews/weekly/export.csv", week)} download>
          {ctx.t("rev.csv")}
        </a>
        {" · "}
        <a href={reviewHref("/reviews/weekly/export.xlsx", week)} download>
          {ctx.t("rev.xlsx")}
        </a>
      </p>
      <p class="muted">{ctx.t("rev.printHint")}</p>
    </div>
  );
}

/** Where the figures come from, and — when the data changed since they were stored — both figures side by side. */
export function Source(props: { ctx: PageCtx; l: LoadedReview; differences?: boolean }) {
  const { ctx, l } = props;
  if (!l.takenAt) return <p class="notice">{ctx.t("rev.liveNote")}</p>;
  const stored = <p class="notice">{ctx.t("rev.stored", { at: l.takenAt.slice(0, 16).replace("T", " ") + " UTC" })}</p>;
  if (!l.live || props.differences === false) return stored;
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
