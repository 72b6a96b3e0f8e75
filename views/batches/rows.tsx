import type { BatchCursor, BatchListFilter, BatchSort, BatchWithTotals } from "../../src/batches/queries";
import { formatRate, supplyRate } from "../../src/domain/batch-figures";
import { encodeCursor } from "../../src/batches/list-query";
import { AreaCell } from "../components/area";
import { Pager } from "../components/pager";
import { can } from "../parcels/can";
import type { PageCtx } from "../page-context";
import { ageText } from "./figures";
import { BATCH_ROWS_ID } from "./filters";

export type BatchOrder = { filter: BatchListFilter; sort: BatchSort; dir: "asc" | "desc" };

/** `/batches` with these filters, order and cursor; defaults left out so the plain URL stays plain. */
export function batchListHref(o: BatchOrder, cursor?: BatchCursor | null): string {
  const params = new URLSearchParams();
  if (o.filter.kind) params.set("kind", o.filter.kind);
  if (o.filter.year !== undefined) params.set("year", String(o.filter.year));
  if (o.sort !== "approvedOn") params.set("sort", o.sort);
  if (o.dir !== "desc") params.set("dir", o.dir);
  if (cursor) params.set("cursor", encodeCursor(cursor));
  const qs = params.toString();
  return qs ? `/batches?${qs}` : "/batches";
}

export type BatchRowsProps = {
  ctx: PageCtx;
  items: BatchWithTotals[];
  order: BatchOrder;
  cursor?: BatchCursor;
  next: BatchCursor | null;
  today: string;
};

/** A column header that sorts by `key`: first click largest/newest first, the next click reverses. */
function SortHeader(props: { ctx: PageCtx; order: BatchOrder; sortKey: BatchSort; label: string; num?: boolean }) {
  const { order, sortKey } = props;
  const active = order.sort === sortKey;
  const href = batchListHref({ ...order, sort: sortKey, dir: active && order.dir === "desc" ? "asc" : "desc" });
  return (
    <th
      scope="col"
      class={props.num ? "num" : undefined}
      aria-sort={active ? (order.dir === "desc" ? "descending" : "ascending") : undefined}
    >
      <a
        href={href}
        title={props.ctx.t("batch.sortBy")}
        hx-get={href}
        hx-target={`#${BATCH_ROWS_ID}`}
        hx-swap="innerHTML"
        hx-push-url="true"
      >
        {props.label}
        {active ? (order.dir === "desc" ? " ↓" : " ↑") : ""}
      </a>
    </th>
  );
}

/** The batch rows with their pager: the full page embeds this, an htmx request gets only this. */
export function BatchRows(props: BatchRowsProps) {
  const { ctx, order } = props;
  if (!props.items.length) return <EmptyRows ctx={ctx} />;
  // Area columns name their units: each cell shows 亩 over 公顷.
  const h = (sortKey: BatchSort, label: string) => (
    <SortHeader
      ctx={ctx}
      order={order}
      sortKey={sortKey}
      label={ctx.t(label) + (sortKey === "approvedOn" || sortKey === "rate" ? "" : ctx.t("unit.muHa"))}
      num={sortKey !== "approvedOn"}
    />
  );
  const exportHref = (ext: string) => batchListHref(order).replace(/^\/batches/, `/batches/export.${ext}`);
  return (
    <>
      <p class="list-actions">
        <a href={exportHref("xlsx")} download>
          {ctx.t("batch.exportXlsx")}
        </a>{" "}
        <a href={exportHref("csv")} download>
          {ctx.t("batch.exportCsv")}
        </a>
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{ctx.t("batch.name")}</th>
              <th scope="col">{ctx.t("batch.kind")}</th>
              {h("approvedOn", "batch.approvedOn")}
              <th scope="col">{ctx.t("batch.age")}</th>
              {h("approved", "batch.approved")}
              {h("supplied", "batch.supplied")}
              {h("withdrawn", "batch.withdrawn")}
              {h("unsupplied", "batch.unsupplied")}
              {h("rate", "batch.rate")}
            </tr>
          </thead>
          <tbody>
            {props.items.map(({ batch: b, totals: t }) => (
              <tr>
                <td>
                  <a href={`/batches/${b.id}`}>{b.name}</a>
                </td>
                <td>{ctx.t(`batch.kind.${b.kind}`)}</td>
                <td class="nowrap">{b.approvedOn ?? "—"}</td>
                <td>{ageText(ctx, b.approvedOn, props.today)}</td>
                {b.approvedOn ? (
                  <>
                    <AreaCell m2={t.approvedM2} />
                    <AreaCell m2={t.suppliedM2} />
                    <AreaCell m2={t.withdrawnM2} />
                    <AreaCell m2={t.unsuppliedM2} />
                    <td class="num">{formatRate(supplyRate(t))}</td>
                  </>
                ) : (
                  // Not approved yet: its areas are not 0.00 but not there at all.
                  <>
                    <td class="num">{ctx.t("batch.unapproved")}</td>
                    <td class="num">—</td>
                    <td class="num">—</td>
                    <td class="num">—</td>
                    <td class="num">—</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        ctx={ctx}
        label={ctx.t("batch.pager")}
        target={`#${BATCH_ROWS_ID}`}
        firstHref={props.cursor ? batchListHref(order) : null}
        nextHref={props.next ? batchListHref(order, props.next) : null}
      />
    </>
  );
}

function EmptyRows(props: { ctx: PageCtx }) {
  const { ctx } = props;
  return (
    <div class="empty">
      <p>{ctx.t("batch.empty")}</p>
      <p>
        <a href="/batches">{ctx.t("batch.clearFilters")}</a>
        {can(ctx, "POST /batches") && (
          <>
            {" · "}
            <a href="/batches/new">{ctx.t("batch.new.link")}</a>
          </>
        )}
      </p>
    </div>
  );
}
