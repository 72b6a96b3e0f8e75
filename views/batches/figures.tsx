import type { BatchTotals } from "../../src/db/schema";
import { ageSince, formatRate, supplyRate } from "../../src/domain/batch-figures";
import type { PageCtx } from "../page-context";
import { FieldList } from "../components/field-list";
import { countText, haText, muText } from "../components/figures";

/** "616.20 亩 / 41.0800 公顷". */
export const areaText = (ctx: PageCtx, m2: number) =>
  `${muText(m2)}\u00a0${ctx.t("unit.mu")} / ${haText(m2)}\u00a0${ctx.t("unit.ha")}`;

/** Age since approval ("3年41天"), or "not approved". */
export function ageText(ctx: PageCtx, approvedOn: string | null, today: string): string {
  const age = approvedOn ? ageSince(approvedOn, today) : null;
  return age ? ctx.t("batch.ageValue", age) : ctx.t("batch.unapproved");
}

/** A batch's figures (docs/PRODUCT.md §4) as a definition list. */
export function BatchFigures(props: { ctx: PageCtx; totals: BatchTotals; approved?: boolean }) {
  const { ctx, totals: t } = props;
  // Before the batch is approved its approved, supplied and unsupplied areas are not zero but not yet there.
  const unapproved = props.approved === false ? ctx.t("batch.unapproved") : null;
  const rows: [string, string][] = [
    ["batch.parcelCount", countText(t.parcelCount)],
    ["batch.approved", unapproved ?? areaText(ctx, t.approvedM2)],
    ["batch.supplied", unapproved ?? areaText(ctx, t.suppliedM2)],
    ["batch.withdrawn", unapproved ?? areaText(ctx, t.withdrawnM2)],
    ["batch.unsupplied", unapproved ?? areaText(ctx, t.unsuppliedM2)],
    ["batch.rate", unapproved ?? formatRate(supplyRate(t))],
  ];
  return (
    <>
      <FieldList ctx={ctx} rows={rows} />
      <p class="muted hint">{ctx.t("batch.rateHint")}</p>
    </>
  );
}

/**
 * The approval document's area beside the sum of the batch's registered parcels, with the difference
 * (parcels − document): a gap means a parcel is missing, mis-assigned or mis-measured.
 */
export function DocumentVsParcels(props: { ctx: PageCtx; docM2: number | null; parcelsM2: number }) {
  const { ctx, docM2, parcelsM2 } = props;
  const diff = docM2 === null ? null : parcelsM2 - docM2;
  const signed = (m2: number) =>
    m2 > 0 ? `+${areaText(ctx, m2)}` : m2 < 0 ? `−${areaText(ctx, -m2)}` : areaText(ctx, 0);
  const rows: [string, string][] = [
    ["batch.docArea", docM2 === null ? "—" : areaText(ctx, docM2)],
    ["batch.parcelsArea", areaText(ctx, parcelsM2)],
    ["batch.areaDifference", diff === null ? "—" : signed(diff)],
  ];
  return <FieldList ctx={ctx} rows={rows} />;
}
