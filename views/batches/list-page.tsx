import type { fiveYearJson } from "../../src/batches/json";
import type { FormValues } from "../../src/http/form";
import { Layout } from "../layout";
import { can } from "../parcels/can";
import type { PageCtx } from "../page-context";
import { FiveYearPanel } from "./five-year";
import { BATCH_ROWS_ID, BatchFilters } from "./filters";
import type { BatchOrder } from "./rows";
import { BatchRows, type BatchRowsProps } from "./rows";

/** `/batches`: the five-year benchmark, the filters, and the rows (the same component htmx gets alone). */
export function BatchesPage(
  props: BatchRowsProps & {
    values: FormValues;
    years: number[];
    five: ReturnType<typeof fiveYearJson>;
    badQuery: boolean;
  },
) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("batch.list.title")} filters={batchFilterWords(ctx, props.order)}>
      <div class="page-head">
        <h1>{ctx.t("batch.list.title")}</h1>
        {can(ctx, "POST /batches") && (
          <a class="button" href="/batches/new">
            {ctx.t("batch.new.link")}
          </a>
        )}
      </div>
      <FiveYearPanel ctx={ctx} five={props.five} />
      <BatchFilters ctx={ctx} values={props.values} years={props.years} />
      {props.badQuery && (
        <p class="notice error" role="alert">
          {ctx.t("batch.badQuery")}
        </p>
      )}
      <div id={BATCH_ROWS_ID} aria-live="polite">
        <BatchRows {...props} />
      </div>
    </Layout>
  );
}

/** The list's filters in words for the printed page ("类型：城镇批次；批准年度：2023"). */
function batchFilterWords(ctx: PageCtx, o: BatchOrder): string {
  const parts: string[] = [];
  if (o.filter.kind) parts.push(`${ctx.t("batch.kind")}：${ctx.t(`batch.kind.${o.filter.kind}`)}`);
  if (o.filter.year !== undefined) parts.push(`${ctx.t("batch.year")}：${o.filter.year}`);
  return parts.join("；");
}
