import type { Schedule } from "../../src/projects/queries";
import type { PageCtx } from "../page-context";
import { StatusBadge } from "./status";

/** The schedule as a table: the timeline's accessible twin. */
export function ScheduleTable(props: { ctx: PageCtx; schedule: Schedule }) {
  const { ctx, schedule } = props;
  const th = (k: string, num = false) => (
    <th scope="col" class={num ? "num" : undefined}>
      {ctx.t(`schedule.${k}`)}
    </th>
  );
  return (
    <div class="table-wrap">
      <table id="schedule-table">
        <caption>{ctx.t("schedule.title")}</caption>
        <thead>
          <tr>
            {th("milestone")}
            {th("baseline")}
            {th("planned")}
            {th("actual")}
            <th scope="col">{ctx.t("project.status")}</th>
            {th("slack", true)}
            {th("slip", true)}
          </tr>
        </thead>
        <tbody>
          {schedule.rows.map((r) => (
            <tr data-milestone={r.milestone} class={r.milestone === schedule.critical ? "critical" : undefined}>
              <th scope="row">
                {ctx.t(`milestone.${r.milestone}`)}
                {r.milestone === schedule.critical && <span class="badge m-critical">{ctx.t("project.critical")}</span>}
              </th>
              <td>{r.baselineOn}</td>
              <td>{r.plannedOn}</td>
              <td>{r.actualOn ?? "—"}</td>
              <td>
                <StatusBadge ctx={ctx} status={r.status} />
              </td>
              <td class="num">{r.slackDays ?? "—"}</td>
              <td class="num">{r.slipDays}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
