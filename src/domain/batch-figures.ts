import { BATCH_RULES, type BatchRules } from "./batch-rules";
import { addYears, daysBetween } from "./dates";

/**
 * Area sums of a batch's parcels, in m² (docs/PRODUCT.md §4). Each counts a parcel by the moves in force on it
 * (a move fills its state's date column, a correction clears it — see record.ts STATE_COLUMNS):
 * - approved: approval in force (`approved_on` set): reached `approved` or beyond, including parcels
 *   withdrawn after approval; a parcel dropped while `planned` was never part of the approval.
 * - supplied: approved and reached `supplied` or beyond (`supplied_on` set; started/completed keep it).
 * - withdrawn: approved, then withdrawn (撤回/核减 of the approved area).
 * - unsupplied: 批而未供 — approved, neither supplied nor withdrawn (docs/PRODUCT.md §5's stock, today).
 * So approved = supplied + withdrawn + unsupplied.
 */
export type BatchSums = { approvedM2: number; suppliedM2: number; withdrawnM2: number; unsuppliedM2: number };

/** 供地率 supply rate = supplied ÷ (approved − withdrawn), by area (docs/PRODUCT.md §4); null with nothing to supply. */
export function supplyRate(s: Pick<BatchSums, "approvedM2" | "suppliedM2" | "withdrawnM2">): number | null {
  const base = s.approvedM2 - s.withdrawnM2;
  return base > 0 ? s.suppliedM2 / base : null;
}

/** A rate as a fraction rounded to 4 decimals (0.6667), for the API. */
export const roundRate = (r: number | null) => (r === null ? null : Math.round(r * 10000) / 10000);

/** "66.67%": a rate for people. */
export const formatRate = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(2)}%`);

/**
 * The benchmark window: the last `benchmarkYears` FULL calendar years before today's year
 * (on 2026-11-28: 2021-01-01 … 2025-12-31), by the batch's approval date.
 */
export function benchmarkWindow(today: string, rules: BatchRules = BATCH_RULES) {
  const year = Number(today.slice(0, 4));
  const fromYear = year - rules.benchmarkYears;
  const toYear = year - 1;
  return { fromYear, toYear, from: `${fromYear}-01-01`, to: `${toYear}-12-31` };
}

/**
 * The five-year figure against the benchmark. The "average supply rate" is area-weighted over the
 * window's batches (Σ supplied ÷ Σ(approved − withdrawn)), not a mean of per-batch rates, so a
 * small batch does not outweigh a large one. `shortfallM2` is the area still to supply to reach it.
 */
export function benchmarkFigure(
  s: Pick<BatchSums, "approvedM2" | "suppliedM2" | "withdrawnM2">,
  rules: BatchRules = BATCH_RULES,
) {
  const base = s.approvedM2 - s.withdrawnM2;
  const rate = supplyRate(s);
  // Integer arithmetic: need supplied × 100 ≥ base × percent; round the missing m² up.
  const missing = base * rules.supplyBenchmarkPercent - s.suppliedM2 * 100;
  const shortfallM2 = missing > 0 ? Math.ceil(missing / 100) : 0;
  return { rate, benchmark: rules.supplyBenchmarkPercent / 100, meets: shortfallM2 === 0, shortfallM2 };
}

/** Age since approval as whole years plus remaining days (29 Feb anniversaries fall on 28 Feb). */
export function ageSince(approvedOn: string, today: string): { years: number; days: number } | null {
  if (today < approvedOn) return null;
  let years = 0;
  while (addYears(approvedOn, years + 1) <= today) years++;
  const anniversary = addYears(approvedOn, years);
  return { years, days: daysBetween(anniversary, today) };
}
