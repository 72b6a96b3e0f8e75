import type { Catalogue } from "./index";

// 镇/街道 as managed data (issue 10 §2).
export const towns: Catalogue = {
  "town.title": ["镇/街道", "Towns and streets"],
  "town.intro": [
    "地块登记、修改和各页筛选只能选用本表中未停用的镇/街道，按拼音排序。改名会同时改到所有地块和项目上；停用后不再供新登记选用，已登记的地块保留原名。",
    "Registration, edits and every filter choose from the active towns here, in pinyin order. A rename carries over to every parcel and project; a retired town is no longer offered, and parcels keep it.",
  ],
  "town.add": ["新增镇/街道", "Add a town or street"],
  "town.addSubmit": ["新增", "Add"],
  "town.name": ["名称", "Name"],
  "town.nameOf": ["“{name}”的名称", "Name of {name}"],
  "town.status": ["状态", "Status"],
  "town.actions": ["操作", "Actions"],
  "town.active": ["使用中", "Active"],
  "town.retired": ["已停用", "Retired"],
  "town.retiredOption": ["{name}（已停用）", "{name} (retired)"],
  "town.rename": ["改名", "Rename"],
  "town.retire": ["停用", "Retire"],
  "town.restore": ["恢复使用", "Restore"],
  "town.list": ["全部镇/街道（{count} 个）", "All towns and streets ({count})"],
  "town.none": ["尚无镇/街道。请在上方新增。", "No towns yet. Add one above."],
  "town.history": ["修改记录", "Change history"],
  "town.noHistory": ["暂无修改记录。", "No changes yet."],
  "town.at": ["时间", "When"],
  "town.by": ["操作人", "By"],
  "town.bySystem": ["系统（数据迁移）", "System (migration)"],
  "town.change": ["变更", "Change"],
  "town.action.seed": ["初始名单：{name}", "Initial list: {name}"],
  "town.action.migrated": [
    "由原有地块数据导入（未匹配名单，已停用）：{name}",
    "Taken over from existing parcels (not on the list, retired): {name}",
  ],
  "town.action.add": ["新增：{name}", "Added: {name}"],
  "town.action.rename": ["改名：{previous} → {name}", "Renamed: {previous} → {name}"],
  "town.action.retire": ["停用：{name}", "Retired: {name}"],
  "town.action.restore": ["恢复使用：{name}", "Restored: {name}"],
  "town.done.add": ["已新增。", "Added."],
  "town.done.rename": ["已改名，相关地块和项目已一并更新。", "Renamed, with its parcels and projects."],
  "town.done.retire": ["已停用。", "Retired."],
  "town.done.restore": ["已恢复使用。", "Restored."],
  "field.town_exists": ["已有名为“{name}”的镇/街道", "A town named {name} already exists"],
  "field.unknown_town": [
    "没有名为“{name}”的镇/街道，请从名单中选择：{towns}",
    "There is no town named {name}; choose one of: {towns}",
  ],
  // Numbers and plausibility of areas (issue 10 §3, §5): shared by every numeric field.
  "field.not_a_number": ["请输入数字，例如 25.5", "Enter a number, e.g. 25.5"],
  "field.wrong_unit": [
    "此栏的单位是{unit}，填写的“{text}”是{written}；请换算成{unit}后填写数字",
    "This field is in {unit}, but “{text}” is in {written}; convert it to {unit} and enter the number",
  ],
  "field.area_wrong_unit": [
    "面积 {figures}，单个地块超过 {limit} 公顷，可能填错了单位；请核对单位，确认无误请勾选“面积已核对无误”",
    "Area {figures}: over {limit} ha for one parcel, the unit is probably wrong; check the unit, or tick “area checked” to keep it",
  ],
  "field.area_over_ceiling": [
    "面积 {figures}，超过全区单个地块上限（{ceiling}）；请核对，确认无误请勾选“面积已核对无误”",
    "Area {figures}: over the district's ceiling for one parcel ({ceiling}); check it, or tick “area checked” to keep it",
  ],
  "field.area_over_batch": [
    "面积 {figures}，超过所属批次的批准总面积（{batch}）；请核对，确认无误请勾选“面积已核对无误”",
    "Area {figures}: over its batch's approved total ({batch}); check it, or tick “area checked” to keep it",
  ],
  "error.implausible_area": [
    "面积不合常理，请核对；确认无误请带上 confirmArea: true 重新提交",
    "The area looks implausible; check it, or send confirmArea: true to keep it",
  ],
};
