import type { Parcel } from "../../src/db/schema";
import { lapseLevel } from "../../src/domain/lapse";
import { AreaCell } from "../components/area";
import { StateBadge } from "../components/state-badge";
import type { PageCtx } from "../page-context";
import { LapseBadge } from "./lapse-badge";

/** A batch's parcels with their states and approval-lapse levels on `today` (docs/PRODUCT.md §4). */
export function BatchParcelTable(props: { ctx: PageCtx; parcels: Parcel[]; today: string }) {
  const { ctx, today } = props;
  if (!props.parcels.length) return <p class="empty">{ctx.t("batch.noParcels")}</p>;
  const levels = props.parcels.map((p) => lapseLevel(p, today));
  const soon = levels.filter((l) => l === "lapse_soon").length;
  const lapsed = levels.filter((l) => l === "lapsed").length;
  return (
    <>
      {(soon > 0 || lapsed > 0) && (
        <p class={`notice ${lapsed ? "error" : ""}`} role="status">
          {ctx.t("batch.lapseCounts", { soon, lapsed })}
        </p>
      )}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{ctx.t("parcel.code")}</th>
              <th scope="col">{ctx.t("parcel.name")}</th>
              <th scope="col">{ctx.t("parcel.town")}</th>
              <th scope="col" class="num">
                {ctx.t("unit.mu")} / {ctx.t("unit.ha")}
              </th>
              <th scope="col">{ctx.t("parcel.state")}</th>
              <th scope="col">{ctx.t("batch.approvedOn")}</th>
              <th scope="col">{ctx.t("lapse.title")}</th>
            </tr>
          </thead>
          <tbody>
            {props.parcels.map((p, i) => (
              <tr>
                <td>
                  <a href={`/parcels/${p.id}`}>{p.code}</a>
                </td>
                <td>{p.name}</td>
                <td>{p.town}</td>
                <AreaCell m2={p.areaM2} />
                <td>
                  <StateBadge ctx={ctx} state={p.state} />
                </td>
                <td>{p.approvedOn ?? "—"}</td>
                <td>{levels[i] ? <LapseBadge ctx={ctx} level={levels[i]} /> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
