import type { Review } from "../../src/reviews/figures";
import type { PageCtx } from "../page-context";

// Server-rendered SVG (no script); the table under each chart carries the same figures for screen readers.

const ROW = 24;
const LABEL_W = 130;
const BAR_W = 360;

/** Parcels in each state at the week's end as bars, each with its change on last week. */
export function ChainChart(props: { ctx: PageCtx; r: Review }) {
  const { ctx, r } = props;
  const max = Math.max(1, ...r.states.map((s) => s.count));
  const height = r.states.length * ROW + 4;
  return (
    <svg
      role="img"
      aria-label={ctx.t("rev.chainChart")}
      viewBox={`0 0 ${LABEL_W + BAR_W + 120} ${height}`}
      width="100%"
      height={String(height)}
    >
      {r.states.map((s, i) => {
        const w = Math.round((s.count / max) * BAR_W);
        const y = i * ROW + 2;
        const sign = s.deltaCount > 0 ? "+" : "";
        return (
          <g>
            <text x={String(LABEL_W - 6)} y={String(y + 16)} text-anchor="end" font-size="12">
              {ctx.t(`state.${s.state}`)}
            </text>
            <rect x={String(LABEL_W)} y={String(y + 4)} width={String(w)} height="14" fill="#0969da" />
            <text x={String(LABEL_W + w + 4)} y={String(y + 16)} font-size="12">
              {`${s.count}（${sign}${s.deltaCount}）`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The towns ranked by this year's digestion (亩), with their rank. */
export function RankingChart(props: { ctx: PageCtx; r: Review }) {
  const { ctx, r } = props;
  if (!r.ranking.length) return null;
  const max = Math.max(1, ...r.ranking.map((t) => t.areaM2));
  const height = r.ranking.length * ROW + 4;
  return (
    <svg
      role="img"
      aria-label={ctx.t("rev.rankChart")}
      viewBox={`0 0 ${LABEL_W + BAR_W + 120} ${height}`}
      width="100%"
      height={String(height)}
    >
      {r.ranking.map((t, i) => {
        const w = Math.round((t.areaM2 / max) * BAR_W);
        const y = i * ROW + 2;
        return (
          <g>
            <text x={String(LABEL_W - 6)} y={String(y + 16)} text-anchor="end" font-size="12">
              {`${t.digestRank ?? "—"}. ${t.town}`}
            </text>
            <rect x={String(LABEL_W)} y={String(y + 4)} width={String(w)} height="14" fill="#1a7f37" />
            <text x={String(LABEL_W + w + 4)} y={String(y + 16)} font-size="12">
              {t.digestedMu.toFixed(2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
