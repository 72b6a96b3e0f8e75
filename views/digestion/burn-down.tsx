import { muText } from "../components/figures";
import type { BurnDownWeek } from "../../src/domain/burn-down";
import type { PageCtx } from "../page-context";

const W = 640;
const H = 200;
const PAD = 36;

/** Digested area by week against the straight line to the target (SVG), with the same weeks as a table. */
export function BurnDown(props: { ctx: PageCtx; weeks: BurnDownWeek[]; targetM2: number }) {
  const { ctx, weeks } = props;
  if (!weeks.length) return null;
  const max = Math.max(1, props.targetM2, ...weeks.map((w) => w.digestedM2 ?? 0));
  const x = (i: number) => PAD + (i / Math.max(1, weeks.length - 1)) * (W - 2 * PAD);
  const y = (m2: number) => H - PAD - (m2 / max) * (H - 2 * PAD);
  const line = weeks.map((w, i) => `${x(i).toFixed(1)},${y(w.lineM2).toFixed(1)}`).join(" ");
  const done = weeks
    .map((w, i) => (w.digestedM2 === null ? null : `${x(i).toFixed(1)},${y(w.digestedM2).toFixed(1)}`))
    .filter((p) => p !== null)
    .join(" ");
  return (
    <div class="cols">
      <svg role="img" aria-label={ctx.t("dig.burnDown")} viewBox={`0 0 ${W} ${H}`} width="100%" height={String(H)}>
        <line x1={String(PAD)} y1={String(H - PAD)} x2={String(W - PAD)} y2={String(H - PAD)} stroke="#8c959f" />
        <polyline points={line} fill="none" stroke="#8c959f" stroke-dasharray="4 3" />
        <polyline points={done} fill="none" stroke="#1a7f37" stroke-width="2" />
        <text x={String(PAD)} y="14" font-size="12">
          {ctx.t("dig.burnDownLegend")}
        </text>
      </svg>
      <div class="table-wrap">
        <table>
          <caption>{ctx.t("dig.burnDown")}</caption>
          <thead>
            <tr>
              <th scope="col">{ctx.t("dig.week")}</th>
              <th scope="col">{ctx.t("dig.weekEnd")}</th>
              <th scope="col" class="num">
                {ctx.t("dig.digestedMu")}
              </th>
              <th scope="col" class="num">
                {ctx.t("dig.lineMu")}
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr>
                <td>{w.week}</td>
                <td>{w.to}</td>
                <td class="num">{w.digestedM2 === null ? "—" : muText(w.digestedM2)}</td>
                <td class="num">{muText(w.lineM2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
