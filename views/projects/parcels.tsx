import type { ParcelFactRow } from "../../src/projects/queries";
import { AreaCell } from "../components/area";
import { Field, FormErrors, Input, type FormScope } from "../components/field";
import { StateBadge } from "../components/state-badge";
import type { PageCtx } from "../page-context";
import { hxPost } from "./hx";

/** The project's parcels with their states and step dates; join by 宗地编号, remove one. */
export function ProjectParcels(props: {
  ctx: PageCtx;
  projectId: number;
  parcels: ParcelFactRow[];
  mayEdit: boolean;
  f: FormScope;
}) {
  const { ctx, f } = props;
  const steps = ["approvedOn", "acquiredOn", "suppliedOn", "startedOn", "completedOn", "withdrawnOn"] as const;
  return (
    <section aria-labelledby="parcels-h">
      <h2 id="parcels-h">{ctx.t("parcels.title")}</h2>
      {props.parcels.length === 0 ? (
        <p class="empty">{ctx.t("parcels.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table id="project-parcels">
            <thead>
              <tr>
                <th scope="col">{ctx.t("parcels.code")}</th>
                <th scope="col">{ctx.t("project.town")}</th>
                <th scope="col">{ctx.t("project.status")}</th>
                <th scope="col" class="num">
                  {ctx.t("unit.mu")} / {ctx.t("unit.ha")}
                </th>
                {steps.map((s) => (
                  <th scope="col">{ctx.t(`pstep.${s}`)}</th>
                ))}
                {props.mayEdit && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {props.parcels.map((p) => (
                <tr data-parcel={p.id}>
                  <td>
                    <a href={`/parcels/${p.id}`}>{p.code}</a>
                  </td>
                  <td>{p.town}</td>
                  <td>
                    <StateBadge ctx={ctx} state={p.state} />
                  </td>
                  <AreaCell m2={p.areaM2} />
                  {steps.map((s) => (
                    <td>{p[s] ?? "—"}</td>
                  ))}
                  {props.mayEdit && (
                    <td>
                      <form {...hxPost(`/projects/${props.projectId}/parcels/leave`)} class="inline">
                        <input type="hidden" name="parcelId" value={String(p.id)} />
                        <button type="submit" class="link" aria-label={`${ctx.t("parcels.leave")} ${p.code}`}>
                          {ctx.t("parcels.leave")}
                        </button>
                      </form>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.mayEdit && (
        <form {...hxPost(`/projects/${props.projectId}/parcels`)} class="filters" novalidate>
          <FormErrors ctx={ctx} f={f} />
          <Field f={f} name="code" label={ctx.t("parcels.code")}>
            <Input f={f} name="code" required maxlength={50} />
          </Field>
          <button type="submit">{ctx.t("parcels.join")}</button>
        </form>
      )}
    </section>
  );
}
