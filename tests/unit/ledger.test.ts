import { describe, expect, it } from "vitest";
import {
  checkPlanMoves,
  IMPORT_SKIP_REASON,
  matchHeaders,
  parseLedgerDate,
  parseLedgerNumber,
  planLedgerRow,
  type LedgerRow,
  type RowPlan,
} from "../../src/domain/ledger";

describe("ledger dates as Excel and WPS write them", () => {
  it("reads every written form of 6 May 2023", () => {
    for (const v of [
      "2023-05-06",
      "2023/5/6",
      "2023.5.6",
      "2023年5月6日",
      "20230506",
      "2023/5/6 0:00:00",
      "２０２３-05-06",
    ])
      expect(parseLedgerDate(v), v).toEqual({ ok: true, value: "2023-05-06" });
  });

  it("reads Excel serial numbers (1900 system, with its phantom 29 Feb 1900)", () => {
    // 2023-01-01 is serial 44,927; + 31 (Jan) + 28 (Feb) + 31 (Mar) + 30 (Apr) = 45,047 for 1 May; + 5 = 45,052.
    expect(parseLedgerDate(45052)).toEqual({ ok: true, value: "2023-05-06" });
    expect(parseLedgerDate("45052")).toEqual({ ok: true, value: "2023-05-06" });
    // 1900-01-01 is serial 1; 80 years to 1980 = 80 × 365 + 19 leap days (1904…1976) = 29,219 days,
    // + 1 for serial 1 and + 1 for the 29 Feb 1900 Excel counts: 29,221 is 1980-01-01, the date floor.
    expect(parseLedgerDate(29221)).toEqual({ ok: true, value: "1980-01-01" });
    expect(parseLedgerDate(29220)).toEqual({ ok: false, code: "ledger_date_format" });
    expect(parseLedgerDate(45052.5)).toEqual({ ok: false, code: "ledger_date_format" });
  });

  it("refuses dates that do not exist, other orders, and days before the floor", () => {
    expect(parseLedgerDate("2023-02-29")).toEqual({ ok: false, code: "invalid_date" });
    expect(parseLedgerDate("2024-02-29")).toEqual({ ok: true, value: "2024-02-29" });
    expect(parseLedgerDate("5/6/2023")).toEqual({ ok: false, code: "ledger_date_format" });
    expect(parseLedgerDate("1979-12-31")).toEqual({ ok: false, code: "before_date_floor" });
    expect(parseLedgerDate("1980-01-01")).toEqual({ ok: true, value: "1980-01-01" });
    expect(parseLedgerDate("2023/5/6 14:30")).toEqual({ ok: false, code: "ledger_date_format" });
  });
});

describe("ledger numbers", () => {
  it("takes separators, full-width digits and the column's own unit", () => {
    expect(parseLedgerNumber("1,250.5")).toEqual({ ok: true, value: 1250.5 });
    expect(parseLedgerNumber("１２.５")).toEqual({ ok: true, value: 12.5 });
    expect(parseLedgerNumber("25.5亩", "亩")).toEqual({ ok: true, value: 25.5 });
    expect(parseLedgerNumber("25.5 亩", "亩")).toEqual({ ok: true, value: 25.5 });
    expect(parseLedgerNumber(25.5)).toEqual({ ok: true, value: 25.5 });
  });

  it("refuses another unit, misplaced separators and words", () => {
    expect(parseLedgerNumber("25.5公顷", "亩")).toEqual({ ok: false, code: "ledger_wrong_unit" });
    expect(parseLedgerNumber("1,25")).toEqual({ ok: false, code: "number" });
    expect(parseLedgerNumber("约三亩", "亩")).toEqual({ ok: false, code: "number" });
  });
});

describe("header matching", () => {
  const headers = ["宗地编号", "地块名称", "镇（街道）", "用途", " 面积（亩） ", "土地来源", "备注"];

  it("matches the usual Chinese headers, full-width brackets and spaces included", () => {
    const m = matchHeaders(headers);
    expect(m.columns).toEqual(["code", "name", "town", "landUse", "areaMu", "origin", null]);
    expect(m.unknown).toEqual([{ index: 6, header: "备注" }]);
    expect(m.missing).toEqual([]);
    expect(m.duplicates).toEqual([]);
  });

  it("lets a remembered mapping name or ignore a column", () => {
    expect(matchHeaders(headers, { 备注: "" }).unknown).toEqual([]);
    const m = matchHeaders(["编号", "名称", "镇街", "用途", "面积(公顷)", "来源"], { 编号: "code", 名称: "name" });
    expect(m.columns).toEqual(["code", "name", "town", "landUse", "areaHa", "origin"]);
    expect(m.missing).toEqual([]);
  });

  it("names required fields no column holds, and fields held twice", () => {
    const m = matchHeaders(["宗地编号", "地块编号", "坐落"]);
    expect(m.duplicates).toEqual([{ key: "code", indexes: [0, 1] }]);
    expect(m.missing).toEqual(["town", "landUse", "origin", "areaMu"]);
  });
});

/** The issues a plan's moves get; none when every move passes the move rules. */
const issuesOf = (plan: RowPlan, today: string) => {
  const r = checkPlanMoves(plan, today);
  return r.ok ? [] : r.issues;
};

const base: LedgerRow = {
  code: "GB01001",
  name: "城南街道南溪路以北地块",
  town: "城南街道",
  landUse: "工业用地",
  origin: "集体",
  areaMu: "25.5",
};

describe("a ledger row becomes a registration and its moves", () => {
  it("rebuilds a supplied parcel's chain in order with each stage's fields", () => {
    const r = planLedgerRow({
      ...base,
      batchName: "2023年度第1批次城镇建设用地",
      approvalDocNo: "浙政土〔2023〕12号",
      approvedOn: "2023/1/10",
      acquisitionDocNo: "南征〔2023〕3号",
      acquiredOn: "2023年3月1日",
      reserveNo: "CB2023-007",
      reservedOn: 45000,
      supplyMethod: "挂牌出让",
      contractNo: "3304022023A00012",
      landUser: "嘉兴某科技有限公司",
      priceWan: "1,250.5",
      suppliedOn: "2023-05-06",
      agreedStartOn: "2023-11-06",
      agreedCompletionOn: "2025-11-06",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 25.5 亩 × 10,000 / 15 = 17,000 m² exactly.
    expect(r.plan.register).toEqual({
      code: "GB01001",
      name: "城南街道南溪路以北地块",
      town: "城南街道",
      landUse: "industrial",
      origin: "collective",
      areaM2: 17000,
      batchName: "2023年度第1批次城镇建设用地",
      state: "planned",
    });
    // Serial 45,000: 44,927 is 2023-01-01, + 73 days = 15 March 2023 (31 Jan + 28 Feb + 14).
    expect(r.plan.moves.map((m) => [m.to, m.date])).toEqual([
      ["approved", "2023-01-10"],
      ["acquired", "2023-03-01"],
      ["reserved", "2023-03-15"],
      ["supplied", "2023-05-06"],
    ]);
    expect(r.plan.moves[3].fields).toEqual({
      method: "listing",
      docNo: "3304022023A00012",
      landUser: "嘉兴某科技有限公司",
      priceWan: 1250.5,
      agreedStartOn: "2023-11-06",
      agreedCompletionOn: "2025-11-06",
    });
    expect(issuesOf(r.plan, "2023-06-30")).toEqual([]);
  });

  it("gives the skips their reason and puts state-owned stock straight into the reserve", () => {
    const skip = planLedgerRow({
      ...base,
      origin: "国有",
      approvalDocNo: "A1",
      approvedOn: "2023-01-10",
      reserveNo: "R1",
      reservedOn: "2023-02-01",
    });
    expect(skip.ok && skip.plan.moves[1].fields).toEqual({ reserveNo: "R1", reason: IMPORT_SKIP_REASON.reserved });
    expect(skip.ok && issuesOf(skip.plan, "2023-06-30")).toEqual([]);

    const stock = planLedgerRow({ ...base, origin: "国有土地", reserveNo: "R2", reservedOn: "2022-12-01" });
    expect(stock.ok && stock.plan.register.state).toBe("reserved");
    expect(stock.ok && stock.plan.register.reserveNo).toBe("R2");
    expect(stock.ok && stock.plan.moves).toEqual([]);
    // The registration's own date is checked against today: the day before is refused.
    expect(stock.ok && issuesOf(stock.plan, "2022-11-30")).toEqual([
      { path: "reservedOn", code: "after_today", params: { today: "2022-11-30" } },
    ]);
    expect(stock.ok && issuesOf(stock.plan, "2022-12-01")).toEqual([]);
  });

  it("reports every missing or malformed cell by its column", () => {
    const r = planLedgerRow({
      code: "X1",
      name: "",
      town: "城南街道",
      landUse: "菜地",
      origin: "集体",
      areaMu: "25.5公顷",
    });
    expect(r).toEqual({
      ok: false,
      issues: [
        { path: "name", code: "required" },
        { path: "landUse", code: "ledger_land_use", params: { value: "菜地" } },
        { path: "areaMu", code: "ledger_wrong_unit", params: { value: "25.5公顷" } },
      ],
    });
  });

  it("requires the stage's fields for each date the row carries", () => {
    const r = planLedgerRow({ ...base, approvedOn: "2023-01-10", suppliedOn: "2023-05-06" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual([
      "approvalDocNo",
      "supplyMethod",
      "contractNo",
      "landUser",
      "agreedStartOn",
      "agreedCompletionOn",
    ]);
  });

  it("refuses area columns that disagree, and accepts ones that agree to display precision", () => {
    // 1.7 公顷 = 17,000 m² = 25.5 亩: agree.
    expect(planLedgerRow({ ...base, areaHa: "1.7" }).ok).toBe(true);
    // 1.8 公顷 = 18,000 m² against 17,000 m²: 1,000 m² apart.
    expect(planLedgerRow({ ...base, areaHa: "1.8" })).toEqual({
      ok: false,
      issues: [{ path: "areaMu", code: "ledger_area_mismatch", params: { with: "areaHa" } }],
    });
  });

  it("leaves chain and date order to the move rules, naming the cell", () => {
    const ok = { ...base, approvalDocNo: "A1", acquisitionDocNo: "Z1" };
    const early = planLedgerRow({ ...ok, approvedOn: "2023-03-01", acquiredOn: "2023-02-28" });
    expect(early.ok && issuesOf(early.plan, "2023-06-30")).toEqual([
      { path: "acquiredOn", code: "before_previous", params: { previous: "2023-03-01", today: "2023-06-30" } },
    ]);
    // Same day is allowed (on or after the previous move).
    const same = planLedgerRow({ ...ok, approvedOn: "2023-03-01", acquiredOn: "2023-03-01" });
    expect(same.ok && issuesOf(same.plan, "2023-06-30")).toEqual([]);
    // Completed without a start: approved → completed is no move of the chain.
    const jump = planLedgerRow({ ...base, approvalDocNo: "A1", approvedOn: "2023-01-10", completedOn: "2023-05-01" });
    expect(jump.ok && issuesOf(jump.plan, "2023-06-30")).toEqual([
      { path: "completedOn", code: "invalid_move", params: { from: "approved", to: "completed" } },
    ]);
    // A date after today: refused on the day before it, accepted on the day itself.
    const late = planLedgerRow({ ...base, approvalDocNo: "A1", approvedOn: "2023-07-01" });
    expect(late.ok && issuesOf(late.plan, "2023-06-30")[0]).toMatchObject({
      path: "approvedOn",
      code: "after_today",
    });
    expect(late.ok && issuesOf(late.plan, "2023-07-01")).toEqual([]);
  });
});
