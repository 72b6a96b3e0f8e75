import type { BatchWithTotals } from "./queries";
import type { Parcel } from "../db/schema";
import { areaFields, muRounded } from "../domain/area";
import { ageSince, benchmarkFigure, roundRate, supplyRate, type BatchSums } from "../domain/batch-figures";
import { lapseLevel } from "../domain/lapse";
import { parcelJson } from "../parcels/queries";

const area = (m2: number | null) => (m2 === null ? null : areaFields(m2));

/** The API shape of a batch (docs/PRODUCT.md §4, §9): registered areas, figures from its parcels, age on `today`. */
export function batchJson({ batch: b, totals: t }: BatchWithTotals, today: string) {
  return {
    id: b.id,
    name: b.name,
    kind: b.kind,
    authority: b.authority,
    docNo: b.docNo,
    approvedOn: b.approvedOn,
    note: b.note,
    version: b.version,
    createdAt: b.createdAt,
    areas: {
      total: area(b.totalM2),
      agricultural: area(b.agriculturalM2),
      cultivated: area(b.cultivatedM2),
      unused: area(b.unusedM2),
      newConstruction: area(b.newConstructionM2),
    },
    parcelCount: t.parcelCount,
    plannedCount: t.plannedCount,
    planned: areaFields(t.plannedM2),
    approved: areaFields(t.approvedM2),
    supplied: areaFields(t.suppliedM2),
    withdrawn: areaFields(t.withdrawnM2),
    approvedUnsupplied: areaFields(t.unsuppliedM2),
    approvedUnsuppliedMu: muRounded(t.unsuppliedM2),
    supplyRate: roundRate(supplyRate(t)),
    age: b.approvedOn ? ageSince(b.approvedOn, today) : null,
  };
}

/** A batch's parcel in the API: the parcel shape plus its approval-lapse level on `today`. */
export const batchParcelJson = (p: Parcel, today: string) => ({ ...parcelJson(p), lapse: lapseLevel(p, today) });

/** The five-year benchmark figure (docs/PRODUCT.md §4) over the window's summed batch figures. */
export function fiveYearJson(window: { fromYear: number; toYear: number }, sums: BatchSums & { batchCount: number }) {
  const figure = benchmarkFigure(sums);
  return {
    fromYear: window.fromYear,
    toYear: window.toYear,
    batchCount: sums.batchCount,
    approved: areaFields(sums.approvedM2),
    supplied: areaFields(sums.suppliedM2),
    withdrawn: areaFields(sums.withdrawnM2),
    approvedUnsupplied: areaFields(sums.unsuppliedM2),
    supplyRate: roundRate(figure.rate),
    benchmark: figure.benchmark,
    meets: figure.meets,
    shortfall: areaFields(figure.shortfallM2),
  };
}
