/**
 * The thresholds the batch rules use (docs/PRODUCT.md §12): settings with these defaults. A caller that has
 * other values (an admin's settings) passes its own `BatchRules`; nothing else hard-codes them.
 */
export type BatchRules = {
  /** Five-year average supply rate benchmark, in percent. */
  supplyBenchmarkPercent: number;
  /** How many full calendar years the benchmark looks back. */
  benchmarkYears: number;
  /** Years after approval when an approval whose land was not expropriated lapses. */
  lapseYears: number;
  /** Days before the lapse date from which a parcel is flagged `lapse_soon`. */
  lapseWarningDays: number;
};

export const BATCH_RULES: BatchRules = {
  // 五年平均供地率 ≥ 60%: national benchmark reported by provinces (2019) — docs/PRODUCT.md §12, confidence "likely".
  supplyBenchmarkPercent: 60,
  // "近五年": the last five full calendar years before today's — docs/PRODUCT.md §12, same benchmark.
  benchmarkYears: 5,
  // 自然资规〔2018〕1号 (增存挂钩): "两年内未用地或未实施征地补偿安置方案的，有关批准文件自动失效".
  lapseYears: 2,
  // Warning lead time: docs/PRODUCT.md §4 ("lapse_soon from 90 days before that date"), a product default.
  lapseWarningDays: 90,
};
