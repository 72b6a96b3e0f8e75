import type { ListOrder, ListPosition, ListTotals, ParcelFilter, ParcelListRow } from "../../src/parcels/list-read";
import { searchPlan } from "../../src/domain/search";
import type { SortKey } from "../../src/parcels/list-sort";
import { AreaCell } from "../components/area";
import { countText, haText, muText } from "../components/figures";
import { Pager } from "../components/pager";
import { StateBadge } from "../components/state-badge";
import type { PageCtx } from "../page-context";
import { can } from "./can";
import { ROWS_ID } from "./filters";
import { listHref, nextOrder } from "./list-href";

export { listHref } from "./list-href";

export type RowsProps = {
  ctx: PageCtx;
  items: ParcelListRow[];
  filter: ParcelFilter;
  order: ListOrder;
  limit: number;
  position: ListPosition;
  nextCursor: number | null;
  prevCursor: number | null;
  totals: ListTotals;
};

/**
 * The rows of the list with the matching count and area above them and the pager below: the full
 * page embeds this, and an htmx request gets only this, so the two can never disagree.
 */
export function ParcelRows(props: RowsProps) {
  const { ctx, filter, order, totals } = props;
  const paged = props.position.after !== undefined || props.position.before !== undefined;
  if (!props.items.length)
    return <EmptyRows ctx={ctx} filtered={Object.values(filter).some((v) => v !== undefined) || paged} />;
  const href = (position: ListPosition) => listHref(filter, order, position);
  return (
    <>
      {filter.q && searchPlan(filter.q)?.kind === "prefix" && <p class="muted hint">{ctx.t("pl.prefixNote")}</p>}
      <p class="list-actions">
        <a href={listHref(filter, order, {}).replace(/^\/parcels/, "/parcels/export.xlsx")} download>
          {ctx.t("pp.list.exportXlsx")}
        </a>{" "}
        <a href={listHref(filter, order, {}).replace(/^\/parcels/, "/parcels/export.csv")} download>
          {ctx.t("pp.list.exportCsv")}
        </a>
      </p>
      <p class="list-totals" role="status">
        {totals.capped
          ? ctx.t("pl.totals.capped", { count: countText(totals.count) })
          : ctx.t("pl.totals", {
              count: countText(totals.count),
              mu: muText(totals.areaM2),
              ha: haText(totals.areaM2),
            })}
      </p>
      <div class="table-wrap">
        <table class="wide sticky-first">
          <caption class="muted">
            {ctx.t("pl.caption", { order: ctx.t(`pl.order.${order.sort}.${order.dir}`) })}
          </caption>
          <thead>
            <tr>
              <SortHeader ctx={ctx} props={props} sort="code" label={ctx.t("parcel.code")} />
              <th scope="col">{ctx.t("parcel.name")}</th>
              <th scope="col">{ctx.t("parcel.town")}</th>
              <th scope="col">{ctx.t("parcel.landUse")}</th>
              <SortHeader ctx={ctx} props={props} sort="area" label={ctx.t("pl.col.area")} num />
              <SortHeader ctx={ctx} props={props} sort="approved" label={ctx.t("pl.col.approvedOn")} />
              <SortHeader ctx={ctx} props={props} sort="state" label={ctx.t("parcel.state")} />
              <th scope="col">{ctx.t("parcel.batch")}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((p) => (
              <tr>
                <td>
                  <a href={`/parcels/${p.id}`}>{p.code}</a>
                </td>
                <td>{p.name}</td>
                <td>{p.town}</td>
                <td>{ctx.t(`landUse.${p.landUse}`)}</td>
                <AreaCell m2={p.areaM2} />
                <td class="nowrap">{p.approvedOn ?? "—"}</td>
                <td>
                  <StateBadge ctx={ctx} state={p.state} />
                </td>
                <td>
                  {p.batchId === null ? "—" : <a href={`/batches/${p.batchId}`}>{p.batchName ?? `#${p.batchId}`}</a>}
                </td>
              </tr>
            ))}
          </tbody>
          {!totals.capped && (
            <tfoot>
              <tr>
                <td>{ctx.t("pl.totalsRow")}</td>
                <td colspan={3}>{ctx.t("pl.totalsRow.count", { count: countText(totals.count) })}</td>
                <AreaCell m2={totals.areaM2} />
                <td colspan={3} />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <Pager
        ctx={ctx}
        label={ctx.t("pp.pager")}
        target={`#${ROWS_ID}`}
        firstHref={paged ? href({}) : null}
        prevHref={props.prevCursor !== null ? href({ before: props.prevCursor }) : null}
        nextHref={props.nextCursor !== null ? href({ after: props.nextCursor }) : null}
      />
    </>
  );
}

/** A column header that sorts: a plain link to the list in that order (the page reloads with its filters). */
function SortHeader(props: { ctx: PageCtx; props: RowsProps; sort: SortKey; label: string; num?: boolean }) {
  const { ctx, sort, label } = props;
  const { filter, order } = props.props;
  const current = order.sort === sort;
  const target = nextOrder(order, sort);
  return (
    <th
      scope="col"
      class={props.num ? "num" : undefined}
      aria-sort={current ? (order.dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <a
        href={listHref(filter, target)}
        title={ctx.t("pl.sort.by", { column: label }) + ctx.t(`pl.sort.${target.dir}`)}
        class="sort"
      >
        {label}
        {current ? (order.dir === "asc" ? " ▲" : " ▼") : ""}
      </a>
    </th>
  );
}

/** No rows: say why and what to do next (loosen the filters, or register the first parcel). */
function EmptyRows(props: { ctx: PageCtx; filtered: boolean }) {
  const { ctx } = props;
  const mayRegister = can(ctx, "POST /parcels");
  return (
    <div class="empty">
      <p>{ctx.t(props.filtered ? "pp.empty.filtered" : "pp.empty.none")}</p>
      <p>
        {props.filtered && <a href="/parcels">{ctx.t("pp.empty.clear")}</a>}
        {props.filtered && mayRegister && " · "}
        {mayRegister && <a href="/parcels/new">{ctx.t("pp.empty.register")}</a>}
      </p>
    </div>
  );
}
