import type { ParcelFilter, ParcelListItem } from "../../src/parcels/queries";
import { AreaCell } from "../components/area";
import { Pager } from "../components/pager";
import { StateBadge } from "../components/state-badge";
import type { PageCtx } from "../page-context";
import { can } from "./can";
import { ROWS_ID } from "./filters";

/** `/parcels` with these filters (and a cursor), empty ones left out. */
export function listHref(filter: ParcelFilter, cursor?: number | null): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== "") params.set(k, String(v));
  if (cursor) params.set("cursor", String(cursor));
  const qs = params.toString();
  return qs ? `/parcels?${qs}` : "/parcels";
}

export type RowsProps = {
  ctx: PageCtx;
  items: ParcelListItem[];
  filter: ParcelFilter;
  cursor?: number;
  nextCursor: number | null;
};

/**
 * The rows of the list with their pager: the full page embeds this, and an htmx request gets only
 * this, so the two can never disagree.
 */
export function ParcelRows(props: RowsProps) {
  const { ctx, filter } = props;
  if (!props.items.length)
    return (
      <EmptyRows
        ctx={ctx}
        filtered={Object.values(filter).some((v) => v !== undefined) || props.cursor !== undefined}
      />
    );
  return (
    <>
      <p class="list-actions">
        <a href={listHref(filter).replace(/^\/parcels/, "/parcels/export.csv")} download>
          {ctx.t("pp.list.exportCsv")}
        </a>
      </p>
      <div class="table-wrap">
        <table>
          <caption class="muted">{ctx.t("pp.list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t("parcel.code")}</th>
              <th scope="col">{ctx.t("parcel.name")}</th>
              <th scope="col">{ctx.t("parcel.town")}</th>
              <th scope="col">{ctx.t("parcel.landUse")}</th>
              <th scope="col" class="num">
                {ctx.t("unit.mu")} / {ctx.t("unit.ha")}
              </th>
              <th scope="col">{ctx.t("parcel.state")}</th>
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
                <td>
                  <StateBadge ctx={ctx} state={p.state} />
                </td>
                <td>
                  {p.batchId === null ? "—" : <a href={`/batches/${p.batchId}`}>{p.batchName ?? `#${p.batchId}`}</a>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        ctx={ctx}
        label={ctx.t("pp.pager")}
        target={`#${ROWS_ID}`}
        firstHref={props.cursor !== undefined ? listHref(filter) : null}
        nextHref={props.nextCursor !== null ? listHref(filter, props.nextCursor) : null}
      />
    </>
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
