import { formatRate } from "../../src/domain/batch-figures";
import type { fiveYearJson } from "../../src/batches/json";
import type { PageCtx } from "../page-context";
import { areaText } from "./figures";

/** The five-year supply rate against the benchmark, with the area still to supply (docs/PRODUCT.md §4). */
export function FiveYearPanel(props: { ctx: PageCtx; five: ReturnType<typeof fiveYearJson> }) {
  const { ctx, five } = props;
  return (
    <section class="notice" aria-labelledby="five-year-title">
      <h2 id="five-year-title">{ctx.t("batch.fiveYear.title")}</h2>
      <p class="muted">
        {ctx.t("batch.fiveYear.window", { from: five.fromYear, to: five.toYear, count: five.batchCount })}
      </p>
      {/* Which batches count: each year of the window opens the list of that year's batches. */}
      <p>
        {ctx.t("batch.fiveYear.counted")}
        {Array.from({ length: five.toYear - five.fromYear + 1 }, (_, i) => five.fromYear + i).map((y, i) => (
          <>
            {i > 0 && " · "}
            <a href={`/batches?year=${y}`}>{ctx.t("batch.fiveYear.yearLink", { year: y })}</a>
          </>
        ))}
      </p>
      <dl class="fields">
        <dt>{ctx.t("batch.rate")}</dt>
        <dd>
          <strong>{formatRate(five.supplyRate)}</strong>{" "}
          <span class={`badge ${five.meets ? "ok" : "bad"}`}>
            {ctx.t(five.meets ? "batch.fiveYear.meets" : "batch.fiveYear.short")}
          </span>
        </dd>
        <dt>{ctx.t("batch.fiveYear.benchmark")}</dt>
        <dd>{formatRate(five.benchmark)}</dd>
        <dt>{ctx.t("batch.approved")}</dt>
        <dd>{areaText(ctx, five.approved.areaM2)}</dd>
        <dt>{ctx.t("batch.supplied")}</dt>
        <dd>{areaText(ctx, five.supplied.areaM2)}</dd>
        <dt>{ctx.t("batch.withdrawn")}</dt>
        <dd>{areaText(ctx, five.withdrawn.areaM2)}</dd>
        <dt>{ctx.t("batch.fiveYear.shortfall", { benchmark: `${Math.round(five.benchmark * 100)}%` })}</dt>
        <dd>{areaText(ctx, five.shortfall.areaM2)}</dd>
      </dl>
    </section>
  );
}
