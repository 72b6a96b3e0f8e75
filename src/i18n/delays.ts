import type { Catalogue } from "./index";

// 政府原因延期 government-cause delays of the agreed start (docs/PRODUCT.md §6, issue 9 §6).
export const delays: Catalogue = {
  "delay.title": ["政府原因延期（变更约定开工日期）", "Government-cause delay (new agreed start)"],
  "delay.hint": [
    "现约定开工 {current}；原约定开工 {original}；最迟可延至 {limit}",
    "Agreed start now {current}; original {original}; at most {limit}",
  ],
  "delay.docNo": ["证明文件文号", "Evidence document no."],
  "delay.submit": ["确认延期", "Record delay"],
  "delay.correctWhat": [
    "将撤销延期：约定开工日期 {from} → {to}，业务日期 {date}",
    "Undoes the delay: agreed start {from} → {to}, dated {date}",
  ],
  "move.cause": ["延期原因", "Cause of the delay"],
  "move.newAgreedStartOn": ["新约定开工日期", "New agreed start"],
  "move.previousAgreedStartOn": ["原（延期前）约定开工日期", "Agreed start before"],
  "pp.f.originalAgreedStartOn": ["原约定开工日期", "Original agreed start"],
  "field.delay_not_later": [
    "新约定开工日期须晚于现约定开工日期（{current}）",
    "The new agreed start must be after the current one ({current})",
  ],
  "field.delay_over_limit": [
    "延期最长不得超过原约定开工日期（{original}）后一年，即不得晚于 {limit}",
    "A delay may reach at most one year after the original agreed start ({original}): {limit} at the latest",
  ],
  "field.delay_not_supplied": [
    "只有已供应、尚未开工的地块可以延期",
    "Only a supplied parcel not yet started can be delayed",
  ],
  "error.delay_not_supplied": ["该地块不能延期", "This parcel cannot be delayed"],
};
