import type { Catalogue } from "./index";

// 年度目标 annual targets (issue 9 §3).
export const targets: Catalogue = {
  "tg.title": ["年度目标", "Annual targets"],
  "tg.set": ["设定或修改某年度目标", "Set or change a year's target"],
  "tg.year": ["年度", "Year"],
  "tg.areaMu": ["批而未供消化目标（亩）", "Digestion target (mu)"],
  "tg.startRate": ["开工率目标（%）", "Start rate target (%)"],
  "tg.completionRate": ["竣工率目标（%）", "Completion rate target (%)"],
  "tg.save": ["保存", "Save"],
  "tg.list": ["各年度目标", "Targets by year"],
  "tg.edit": ["修改", "Edit"],
  "tg.none": [
    "尚未设定任何年度目标。请在上方填写年度和消化目标。",
    "No target set yet. Fill in a year and its target above.",
  ],
  "tg.history": ["修改记录", "Change history"],
  "tg.noHistory": ["暂无修改记录。", "No changes yet."],
};
