import type { FormValues } from "../../src/http/form";
import type { TownChoice } from "../../src/towns/queries";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { can } from "./can";
import { ParcelFilters, ROWS_ID } from "./filters";
import { filterWords } from "./filter-words";
import { ParcelRows, type RowsProps } from "./rows";

/** `/parcels`: filters over the rows; the rows are the same component an htmx request gets alone. */
export function ParcelsPage(
  props: RowsProps & { values: FormValues; badQuery: boolean; notice?: string | null; towns: TownChoice[] },
) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("pp.list.title")} filters={filterWords(ctx, props.filter, props.order)}>
      <div class="page-head">
        <h1>{ctx.t("pp.list.title")}</h1>
        {can(ctx, "POST /parcels") && (
          <a class="button" href="/parcels/new">
            {ctx.t("pp.list.register")}
          </a>
        )}
      </div>
      <ParcelFilters ctx={ctx} values={props.values} towns={props.towns} order={props.order} />
      {props.badQuery && (
        <p class="notice error" role="alert">
          {props.notice ? `${ctx.t(props.notice)}。` : ""}
          {ctx.t("pp.badQuery")}
        </p>
      )}
      <div id={ROWS_ID} aria-live="polite">
        <ParcelRows {...props} />
      </div>
    </Layout>
  );
}
