/**
 * The thresholds the idle-land rules use (docs/PRODUCT.md §6, docs/PRODUCT.md §12): settings with these defaults, as in
 * batch-rules.ts. A caller with an admin's values passes its own `IdleRules`.
 */
export type IdleRules = {
  /** Days before the agreed start from which a supplied parcel is `due_soon`. */
  dueSoonDays: number;
  /** The early-warning groups, in days before the agreed start, nearest first. */
  warningDays: readonly number[];
  /** Years after the agreed start without a start from which the land is idle and the fee is due. */
  idleFeeYears: number;
  /** The idle fee in percent of the land price. */
  idleFeePercent: number;
  /** Years after the agreed start from which the land may be recovered without compensation. */
  recoveryYears: number;
  /** Years after the ORIGINAL agreed start that a government-cause delay may reach at most. */
  delayMaxYears: number;
};

export const IDLE_RULES: IdleRules = {
  // due_soon from S − 30 days: docs/PRODUCT.md §6 level table, a product default (no statute sets a warning).
  dueSoonDays: 30,
  // Warned "90, 30 and 7 days before S": docs/PRODUCT.md §6 / issue 9 §5, a product default.
  warningDays: [7, 30, 90],
  // 闲置土地: 超过出让合同约定的动工开发日期满一年未动工 — 闲置土地处置办法 (国土资源部令第53号) 第2条.
  idleFeeYears: 1,
  // 土地闲置费 按出让或者划拨土地价款的百分之二十征缴 — 53号令 第14条 (城市房地产管理法 第26条: 百分之二十以下).
  idleFeePercent: 20,
  // 未动工开发满两年的 无偿收回 — 53号令 第14条; 城市房地产管理法 第26条.
  recoveryYears: 2,
  // 延长动工开发期限…最长不得超过一年 — 53号令 第12条(一); counted from the original date per issue 9 §6.
  delayMaxYears: 1,
};
