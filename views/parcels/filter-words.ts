import type { ListOrder, ParcelFilter } from "../../src/parcels/list-read";
import type { PageCtx } from "../page-context";

/** The list's filters and order in words, for the printed page ("状态：已批准；镇/街道：凤桥镇；按面积从大到小"). */
export function filterWords(ctx: PageCtx, f: ParcelFilter, order: ListOrder): string {
  const parts: string[] = [];
  if (f.q) parts.push(`${ctx.t("pl.filter.q")}：${f.q}`);
  if (f.state) parts.push(`${ctx.t("parcel.state")}：${ctx.t(`state.${f.state}`)}`);
  if (f.town) parts.push(`${ctx.t("parcel.town")}：${f.town}`);
  if (f.landUse) parts.push(`${ctx.t("parcel.landUse")}：${ctx.t(`landUse.${f.landUse}`)}`);
  if (f.batch) parts.push(`${ctx.t("pl.filter.batch")}：${f.batch}`);
  if (f.batchId !== undefined) parts.push(`${ctx.t("parcel.batch")}：#${f.batchId}`);
  if (f.projectId !== undefined) parts.push(`${ctx.t("pl.filter.project")}：#${f.projectId}`);
  if (f.year) parts.push(`${ctx.t("pl.filter.year")}：${f.year}`);
  const filters = parts.join("；");
  const sorted = order.sort === "id" && order.dir === "desc" ? "" : ctx.t(`pl.order.${order.sort}.${order.dir}`);
  return [filters, sorted].filter(Boolean).join("；");
}
