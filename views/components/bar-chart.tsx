import { muText } from "./figures";
import type { PageCtx } from "../page-context";
import { AreaCell } from "./area";

export type Bar = { label: string; count: number; areaM2: number; href?: string };

const ROW = 22;
const LABEL_W = 120;
const BAR_W = 360;

/**
 * A horizontal bar chart of areas as server-rendered SVG (no script), and beside it the same figures
 * as a table, which is what a screen reader reads: the SVG is one labelled image.
 */
export function BarChart(props: { ctx: PageCtx; title: string; labelHead: string; bars: Bar[]; empty: string }) {
  const { ctx, bars } = props;
  if (!bars.length) return <p class="empty">{props.empty}</p>;
  const max = Math.max(1, ...bars.map((b) => b.areaM2));
  const height = bars.length * ROW + 4;
  return (
    <div class="cols">
      <svg
        role="img"
        aria-label={props.title}
        viewBox={`0 0 ${LABEL_W + BAR_W + 90} ${height}`}
        width="100%"
        height={String(height)}
      >
        {bars.map((b, i) => {
          const w = Math.round((b.areaM2 / max) * BAR_W);
          const y = i * ROW + 2;
          return (
            <g>
              <text x={String(LABEL_W - 6)} y={String(y + 15)} text-anchor="end" font-size="12">
                {b.label}
              </text>
              <rect x={String(LABEL_W)} y={String(y + 3)} width={String(w)} height="14" fill="#0969da" />
              <text x={String(LABEL_W + w + 4)} y={String(y + 15)} font-size="12">
                {muText(b.areaM2)}
              </text>
            </g>
          );
        })}
      </svg>
      <div class="table-wrap">
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labelHead}</th>
              <th scope="col" class="num">
                {ctx.t("dig.count")}
              </th>
              <th scope="col" class="num">
                {ctx.t("dig.areaMuHa")}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr>
                <th scope="row">{b.href ? <a href={b.href}>{b.label}</a> : b.label}</th>
                <td class="num">{b.count}</td>
                <AreaCell m2={b.areaM2} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
