import type { BatchTotals } from "../../src/db/schema";
import { formatHa, formatMu } from "../../src/domain/area";
import { ageSince, formatRate, supplyRate } from "../../src/domain/batch-figures";
import type { PageCtx } from "../page-context";
import { FieldList } from "../components/field-list";

/** "616.20 亩 / 41.0800 公顷". */
export const areaText = (ctx: PageCtx, m2: number) =>
  `${formatMu(m2)} ${ctx.t("unit.mu")} / ${formatHa(m2)} ${ctx.t("unit.ha")}`;

/** Age since approval ("3年41天"), or "not approved". */
export function ageText(ctx: PageCtx, approvedOn: string | null, today: string): string {
  const age = approvedOn ? ageSince(approvedOn, today) : null;
  return age ? ctx.t("batch.ageValue", age) : ctx.t("batch.unapproved");
}

/** A batch's figures (docs/PRODUCT.md §4) as a definition list. */
export function BatchFigures(props: { ctx: PageCtx; totals: BatchTotals }) {
  const { ctx, totals: t } = props;
  const rows: [string, string][] = [
    ["batch.parcelCount", String(t.parcelCount)],
    ["batch.approved", areaText(ctx, t.approvedM2)],
    ["batch.supplied", areaText(ctx, t.suppliedM2)],
    ["batch.withdrawn", areaText(ctx, t.withdrawnM2)],
    ["batch.unsupplied", areaText(ctx, t.unsuppliedM2)],
    ["batch.rate", formatRate(supplyRate(t))],
  ];
  return (
    <>
      <FieldList ctx={ctx} rows={rows} />
      <p class="muted hint">{ctx.t("batch.rateHint")}</p>
    </>
  );
}
