import type { Catalogue } from "./index";

// The parcel page's edit form, success notices and corrected moves (issue 10 §1, §6).
export const parcelEdit: Catalogue = {
  "pp.edit.link": ["修改登记信息", "Edit registration fields"],
  "pp.edit.title": ["修改登记信息：{code} {name}", "Edit {code} {name}"],
  "pp.edit.back": ["返回地块", "Back to the parcel"],
  "pp.edit.movesOwn": [
    "此处可修改名称、镇/街道、用途、来源、面积、批次和项目。各环节的日期和文号由推进记录，只能通过“更正”撤销该次推进后重新推进来修改。",
    "Name, town, land use, origin, area, batch and project can be changed here. The dates and document numbers of each step belong to its move: correct the move and record it again to change them.",
  ],
  "pp.edit.reason": ["修改理由", "Reason for the change"],
  "pp.edit.submit": ["保存修改", "Save the change"],
  "pp.edit.confirmArea": ["面积已核对无误", "Area checked"],
  "pp.edit.confirmAreaHint": [
    "勾选后按所填面积保存，并在记录中注明已确认",
    "Saves the area as typed and records the confirmation",
  ],
  "pp.edit.numberHint": [
    "可填千分位和全角数字，如 1,250.5；单位另选",
    "Thousands separators and full-width digits are fine, e.g. 1,250.5; choose the unit beside it",
  ],
  "pp.edit.conflict": [
    "保存前该地块已被他人修改，下面显示的是最新内容；您填写的内容已保留，请核对后重新提交。",
    "Someone changed this parcel before you saved: the latest state is shown, your input is kept; check and submit again.",
  ],
  "pp.done.edit": ["已保存修改，见下方办理记录。", "Change saved: see the history below."],
  "pp.done.move": ["已推进，见下方办理记录。", "Move recorded: see the history below."],
  "pp.done.correction": ["已更正，见下方办理记录。", "Correction recorded: see the history below."],
  "pp.done.delay": ["已登记延期，见下方办理记录。", "Delay recorded: see the history below."],
  "pp.event.register": ["登记", "Registration"],
  "pp.event.areaConfirmed": ["经办人已确认面积", "Area confirmed by the officer"],
  "pp.event.check.unit": ["单个地块超过 1,500 公顷", "over 1,500 ha for one parcel"],
  "pp.event.check.ceiling": ["超过全区单个地块上限", "over the district's ceiling"],
  "pp.event.check.batch": ["超过批次批准总面积", "over the batch's approved total"],
  "pp.event.reason": ["理由", "Reason"],
  "pp.event.undone": ["已更正", "Corrected"],
  "pp.event.undoneLink": ["被撤销的记录", "the record undone"],
  "pp.event.batchLink": ["查看批次", "the batch"],
  "pp.event.projectLink": ["查看项目", "the project"],
  "pp.event.undoneBy": ["见更正记录", "see the correction"],
  "pp.event.correctsEdit": ["撤销修改", "Undoes the edit"],
  "pp.detail.correctEdit": [
    "将撤销 {date} 的修改，恢复修改前的登记信息",
    "Undoes the edit of {date}, restoring the fields as they were",
  ],
  "field.supervision_no_format": [
    "电子监管号应为 16 位（出让合同：6 位行政区代码 + 4 位年份 + 1 个字母 + 5 位顺序号）或 19 位（批准记录：6 位行政区代码 + 4 位年份 + 1 个字母 + 8 位顺序号），所填为 {length} 位或格式不符",
    "The supervision number has 16 characters (supply contract: 6-digit region code, 4-digit year, a letter, 5-digit serial) or 19 (approval record: the same with an 8-digit serial); this one has {length} or another form",
  ],
  "field.nothing_changed": ["没有改动：所填内容与现有登记相同", "Nothing changed: the fields are as registered"],
  "error.nothing_changed": ["没有改动", "Nothing changed"],
};
