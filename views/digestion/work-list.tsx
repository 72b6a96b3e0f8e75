import type { Digestion } from "../../src/digestion/figures";
import { cursorParam } from "../../src/digestion/list-query";
import { AreaCell } from "../components/area";
import { Pager } from "../components/pager";
import { LapseBadge } from "../batches/lapse-badge";
import type { PageCtx } from "../page-context";

export const WORK_LIST_ID = "work-list";

/** `/digestion` for this year and date, at a work-list position. */
export function digestionHref(d: { year: number; asOf: string }, cursor?: string) {
  const p = new URLSearchParams({ year: String(d.year), asOf: d.asOf });
  if (cursor) p.set("cursor", cursor);
  return `/digestion?${p}`;
}

/** 工作清单 the remaining stock, oldest approval first, each row linking its parcel with its lapse level. */
export function WorkList(props: { ctx: PageCtx; d: Digestion; paged: boolean }) {
  const { ctx, d } = props;
  const { items, next } = d.workList;
  if (!items.length) return <p class="empty">{ctx.t("dig.workEmpty")}</p>;
  return (
    <>
      <div class="table-wrap">
        <table>
          <caption>{ctx.t("dig.workList", { asOf: d.asOf })}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t("parcel.code")}</th>
              <th scope="col">{ctx.t("parcel.name")}</th>
              <th scope="col">{ctx.t("parcel.town")}</th>
              <th scope="col">{ctx.t("pp.f.approvedOn")}</th>
              <th scope="col" class="num">
                {ctx.t("dig.areaMuHa")}
              </th>
              <th scope="col">{ctx.t("dig.lapse")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr>
                <td>
                  <a href={`/parcels/${p.id}`}>{p.code}</a>
                </td>
                <td>{p.name}</td>
                <td>{p.town}</td>
                <td>{p.approvedOn}</td>
                <AreaCell m2={p.areaM2} />
                <td>{p.lapse ? <LapseBadge ctx={ctx} level={p.lapse} /> : <span class="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        ctx={ctx}
        label={ctx.t("dig.workPager")}
        firstHref={props.paged ? digestionHref(d) : null}
        nextHref={next ? digestionHref(d, cursorParam(next)) : null}
        target={`#${WORK_LIST_ID}`}
      />
    </>
  );
}
