import type { Catalogue } from "./index";

// The parcel list's search, totals, sorts and pager, and what every printed list carries; keys start "pl." and "print.".
export const parcelList: Catalogue = {
  "pl.filter.q": ["搜索", "Search"],
  "pl.filter.qHint": [
    "宗地编号、坐落或受让人的任意部分（两个字起）；一个字只匹配编号开头",
    "Any part of the code, location or land user (two characters or more); one character matches the start of the code",
  ],
  "pl.filter.batch": ["批次名称", "Batch name"],
  "pl.filter.year": ["批准年度", "Year approved"],
  "pl.filter.project": ["项目", "Project"],
  // A no-break space keeps each figure with its unit on one line, on screen and in print.
  "pl.totals": [
    "共 {count}\u00a0宗，面积合计 {mu}\u00a0亩（{ha}\u00a0公顷）",
    "{count}\u00a0parcels, {mu}\u00a0mu ({ha}\u00a0ha) in all",
  ],
  "pl.totals.capped": [
    "超过 {count} 宗，请缩小搜索范围后查看面积合计",
    "More than {count} parcels; narrow the search to see the total area",
  ],
  "pl.totalsRow": ["合计", "Total"],
  "pl.totalsRow.count": ["{count}\u00a0宗", "{count}\u00a0parcels"],
  "pl.col.area": ["面积（亩 / 公顷）", "Area (mu / ha)"],
  "pl.col.approvedOn": ["批准日期", "Approved on"],
  "pl.sort.by": ["按{column}排序", "Sort by {column}"],
  "pl.sort.asc": ["升序", "ascending"],
  "pl.sort.desc": ["降序", "descending"],
  "pl.caption": ["地块列表，{order}", "Parcels, {order}"],
  "pl.order.id.desc": ["按登记先后倒序", "newest first"],
  "pl.order.id.asc": ["按登记先后顺序", "oldest first"],
  "pl.order.code.asc": ["按宗地编号升序", "by code, ascending"],
  "pl.order.code.desc": ["按宗地编号降序", "by code, descending"],
  "pl.order.area.desc": ["按面积从大到小", "largest first"],
  "pl.order.area.asc": ["按面积从小到大", "smallest first"],
  "pl.order.approved.desc": ["按批准日期从近到远（未批准的在后）", "latest approval first (unapproved last)"],
  "pl.order.approved.asc": ["按批准日期从远到近（未批准的在前）", "earliest approval first (unapproved first)"],
  "pl.order.state.asc": ["按环节顺序", "in chain order"],
  "pl.order.state.desc": ["按环节倒序", "in reverse chain order"],
  "pl.prefixNote": [
    "只输入了一个字：显示宗地编号以它开头的地块（按编号排序）。再输入一个字可搜索坐落和受让人。",
    "One character: parcels whose code starts with it, in code order. Type another to search locations and land users.",
  ],
  "common.prev": ["上一页", "Previous page"],
  "unit.muHa": ["（亩 / 公顷）", " (mu / ha)"],
  "print.filters": ["筛选条件", "Filters"],
  "print.noFilters": ["全部（未筛选）", "All (no filter)"],
  "print.dataDate": ["数据日期", "Data as of"],
  "print.printedAt": ["打印时间", "Printed at"],
};
