import { makeUpWorkdays, restRuns, type Calendar, type RestRun } from "../../src/domain/calendar";
import { daysBetween } from "../../src/domain/dates";
import type { Schedule } from "../../src/projects/queries";
import type { PageCtx } from "../page-context";

const W = 900;
const ROW = 34;
const LEFT = 130;
/** Rest days are shaded when the timeline spans at most this many days (about 2 px a day or more). */
export const SHADE_MAX_DAYS = 366;

type Span = { from: string; to: string; days: number };

/** The dates the timeline covers: every baseline, plan and actual date, and today. */
export function timelineSpan(schedule: Schedule, today: string): Span {
  const dates = schedule.rows.flatMap((r) => [r.baselineOn, r.plannedOn, r.actualOn ?? r.plannedOn]).concat(today);
  const from = dates.reduce((a, b) => (a < b ? a : b));
  const to = dates.reduce((a, b) => (a > b ? a : b));
  return { from, to, days: daysBetween(from, to) };
}

/** On a short span, its rest days (shaded) and make-up working days (listed in the twin table); else none. */
function restOf(cal: Calendar, span: Span): { runs: RestRun[]; makeUps: string[] } | null {
  if (span.days > SHADE_MAX_DAYS) return null;
  return { runs: restRuns(cal, span.from, span.to), makeUps: makeUpWorkdays(cal, span.from, span.to) };
}

/**
 * The project's timeline as server-rendered SVG: per milestone a baseline bar (grey), the current plan
 * (blue) and the actual (green) from the previous milestone to this one, a diamond on each latest date,
 * and a today line; on a span of a year or less, the rest days shaded behind them (weekends light, holidays
 * dark, 调休 make-up working days left clear). <title>/<desc> give a text alternative; the schedule table
 * is its twin, and the holidays and make-up days shaded are listed in a table below it.
 */
export function Timeline(props: { ctx: PageCtx; schedule: Schedule; today: string; cal: Calendar }) {
  const { ctx, schedule, today } = props;
  const span = timelineSpan(schedule, today);
  const rest = restOf(props.cal, span);
  // One day is the interval [x(d), x(d + 1)); the last date's day ends at the right edge.
  const dayWidth = (W - LEFT - 20) / (span.days + 1);
  const x = (d: string) => LEFT + dayWidth * daysBetween(span.from, d);
  const height = schedule.rows.length * ROW + 30;
  const bar = (a: string, b: string, y: number, cls: string) => (
    <rect class={cls} x={Math.min(x(a), x(b))} y={y} width={Math.max(2, Math.abs(x(b) - x(a)))} height={7} />
  );
  return (
    <>
      <svg class="timeline" viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby="tl-title tl-desc">
        <title id="tl-title">{ctx.t("schedule.timeline")}</title>
        <desc id="tl-desc">
          {ctx.t("schedule.timelineDesc")}{" "}
          {schedule.rows
            .map((r) => `${ctx.t(`milestone.${r.milestone}`)} ${r.plannedOn} ${ctx.t(`mstatus.${r.status}`)}`)
            .join("；")}
          {rest && ` ${ctx.t("schedule.restShaded")}`}
        </desc>
        {rest && (
          <g class="tl-rest" aria-hidden="true">
            {rest.runs.map((r) => (
              <rect
                class={r.holiday ? "tl-holiday" : "tl-weekend"}
                data-from={r.from}
                data-to={r.to}
                x={x(r.from)}
                y={0}
                width={dayWidth * r.days}
                height={height - 16}
              />
            ))}
          </g>
        )}
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
      {rest && <RestTable ctx={ctx} runs={rest.runs} makeUps={rest.makeUps} />}
    </>
  );
}

/** The shading's twin: the holidays (runs with a weekday off) and the make-up working days on the span, by date. */
function RestTable(props: { ctx: PageCtx; runs: RestRun[]; makeUps: string[] }) {
  const { ctx } = props;
  const rows = [
    ...props.runs.filter((r) => r.holiday).map((r) => ({ kind: "holiday", from: r.from, to: r.to, days: r.days })),
    ...props.makeUps.map((d) => ({ kind: "makeUp", from: d, to: d, days: 1 })),
  ].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  if (rows.length === 0) return <p class="muted">{ctx.t("schedule.restNone")}</p>;
  return (
    <div class="table-wrap">
      <table id="rest-days">
        <caption>{ctx.t("schedule.restTable")}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t("schedule.restKind")}</th>
            <th scope="col">{ctx.t("schedule.restFrom")}</th>
            <th scope="col">{ctx.t("schedule.restTo")}</th>
            <th scope="col" class="num">
              {ctx.t("schedule.restDays")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr data-kind={r.kind}>
              <td>{ctx.t(`schedule.rest.${r.kind}`)}</td>
              <td>{r.from}</td>
              <td>{r.to}</td>
              <td class="num">{r.days}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
