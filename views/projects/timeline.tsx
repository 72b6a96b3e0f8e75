import { daysBetween } from "../../src/domain/dates";
import type { Schedule } from "../../src/projects/queries";
import type { PageCtx } from "../page-context";

const W = 900;
const ROW = 34;
const LEFT = 130;

/**
 * The project's timeline as server-rendered SVG: per milestone a baseline bar (grey), the current plan
 * (blue) and the actual (green) from the previous milestone to this one, a diamond on each latest date,
 * and a today line. <title>/<desc> give a text alternative; the schedule table below is its twin.
 */
export function Timeline(props: { ctx: PageCtx; schedule: Schedule; today: string }) {
  const { ctx, schedule, today } = props;
  const dates = schedule.rows.flatMap((r) => [r.baselineOn, r.plannedOn, r.actualOn ?? r.plannedOn]).concat(today);
  const from = dates.reduce((a, b) => (a < b ? a : b));
  const to = dates.reduce((a, b) => (a > b ? a : b));
  const span = Math.max(1, daysBetween(from, to));
  const x = (d: string) => LEFT + ((W - LEFT - 20) * daysBetween(from, d)) / span;
  const height = schedule.rows.length * ROW + 30;
  const bar = (a: string, b: string, y: number, cls: string) => (
    <rect class={cls} x={Math.min(x(a), x(b))} y={y} width={Math.max(2, Math.abs(x(b) - x(a)))} height={7} />
  );
  return (
    <svg class="timeline" viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby="tl-title tl-desc">
      <title id="tl-title">{ctx.t("schedule.timeline")}</title>
      <desc id="tl-desc">
        {ctx.t("schedule.timelineDesc")}{" "}
        {schedule.rows
          .map((r) => `${ctx.t(`milestone.${r.milestone}`)} ${r.plannedOn} ${ctx.t(`mstatus.${r.status}`)}`)
          .join("；")}
      </desc>
      {schedule.rows.map((r, i) => {
        const y = 10 + i * ROW;
        const prev = i === 0 ? null : schedule.rows[i - 1];
        const cx = x(r.plannedOn);
        return (
          <g class={`m-${r.status}`}>
            <text x={4} y={y + 14} class="tl-label">
              {ctx.t(`milestone.${r.milestone}`)}
            </text>
            {prev && bar(prev.baselineOn, r.baselineOn, y, "tl-baseline")}
            {prev && bar(prev.plannedOn, r.plannedOn, y + 9, "tl-plan")}
            {prev?.actualOn && r.actualOn && bar(prev.actualOn, r.actualOn, y + 18, "tl-actual")}
            <polygon
              class="tl-diamond"
              points={`${cx},${y + 3} ${cx + 6},${y + 12} ${cx},${y + 21} ${cx - 6},${y + 12}`}
            />
          </g>
        );
      })}
      <line class="tl-today" x1={x(today)} x2={x(today)} y1={0} y2={height - 16} />
      <text class="tl-label" x={x(today) + 3} y={height - 4}>
        {ctx.t("schedule.today")} {today}
      </text>
    </svg>
  );
}
