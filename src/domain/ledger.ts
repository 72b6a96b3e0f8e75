import type { State } from "./chain";
import { addDays, isIsoDate } from "./dates";
import { DATE_FLOOR, LAND_USES, ORIGINS, type LandUse } from "./fields";
import type { Issue } from "./issues";
import { SUPPLY_METHODS, validateMove } from "./moves";

/**
 * The bureau's ledger (台账) as columns: one list for both directions, so an export is a file the
 * import reads back. `headers[0]` is what an export writes; the rest are the spellings other
 * ledgers and systems use, matched after `headerKey` (full-width brackets and spaces folded).
 */
export const LEDGER_COLUMNS = [
  { key: "code", headers: ["宗地编号", "地块编号", "宗地号", "地块代码"] },
  { key: "name", headers: ["地块名称/坐落", "地块名称", "坐落", "项目名称/坐落", "土地坐落"] },
  { key: "town", headers: ["镇(街道)", "镇街道", "镇/街道", "所属镇(街道)", "所在镇街", "镇街"] },
  { key: "landUse", headers: ["土地用途", "用途", "规划用途"] },
  { key: "areaMu", headers: ["面积(亩)", "亩", "用地面积(亩)", "土地面积(亩)"] },
  { key: "areaHa", headers: ["面积(公顷)", "公顷", "用地面积(公顷)", "土地面积(公顷)"] },
  { key: "areaM2", headers: ["面积(平方米)", "面积(㎡)", "面积(m2)", "用地面积(平方米)", "土地面积(平方米)"] },
  { key: "origin", headers: ["土地来源", "来源", "土地性质"] },
  { key: "batchName", headers: ["批次名称", "批次", "农转用批次"] },
  { key: "approvalDocNo", headers: ["批准文号", "批复文号", "农转用批准文号"] },
  { key: "approvedOn", headers: ["批准日期", "批复日期", "批准时间"] },
  { key: "acquisitionDocNo", headers: ["征收公告文号", "征地公告文号", "征收公告号"] },
  { key: "acquiredOn", headers: ["征收日期", "征收完成日期", "征地日期"] },
  { key: "reserveNo", headers: ["储备编号", "入库编号", "收储编号"] },
  { key: "reservedOn", headers: ["入库日期", "储备日期", "收储日期"] },
  { key: "supplyMethod", headers: ["供地方式", "供应方式"] },
  { key: "contractNo", headers: ["合同编号", "出让合同编号", "合同/决定书编号", "划拨决定书编号"] },
  { key: "landUser", headers: ["受让人", "用地单位", "土地使用权人"] },
  { key: "priceWan", headers: ["成交价(万元)", "成交价", "出让价款(万元)", "成交价款(万元)"] },
  { key: "suppliedOn", headers: ["供地日期", "签约日期", "合同签订日期", "供应日期"] },
  { key: "agreedStartOn", headers: ["约定开工", "约定开工日期", "约定开工时间"] },
  { key: "agreedCompletionOn", headers: ["约定竣工", "约定竣工日期", "约定竣工时间"] },
  { key: "permitNo", headers: ["施工许可证号", "施工许可证编号"] },
  { key: "startedOn", headers: ["实际开工", "实际开工日期", "实际开工时间"] },
  { key: "completedOn", headers: ["实际竣工", "实际竣工日期", "实际竣工时间"] },
  { key: "supervisionNo", headers: ["电子监管号", "电子监管编号"] },
  { key: "withdrawalDocNo", headers: ["撤回/核减文号", "撤回文号", "核减文号"] },
  { key: "withdrawnOn", headers: ["撤回日期", "核减日期", "撤回/核减日期"] },
  { key: "withdrawalReason", headers: ["撤回原因", "核减原因", "撤回/核减原因"] },
] as const;
export type LedgerKey = (typeof LEDGER_COLUMNS)[number]["key"];

/** A header as compared: NFKC (（ → (, full-width letters → ASCII), no spaces, lower case. */
export const headerKey = (h: string) =>
  h
    .normalize("NFKC")
    .replace(/[\s\p{Cf}]/gu, "")
    .toLowerCase();

const BY_HEADER = new Map<string, LedgerKey>(
  LEDGER_COLUMNS.flatMap((c) => c.headers.map((h) => [headerKey(h), c.key] as const)),
);

export type HeaderMatch = {
  /** For each column of the file, the ledger field it holds, or null (ignored). */
  columns: (LedgerKey | null)[];
  /** Columns with a non-empty header that nothing matched: the mapping step asks about these. */
  unknown: { index: number; header: string }[];
  /** Fields named by more than one column: the file is ambiguous until the mapping says which. */
  duplicates: { key: LedgerKey; indexes: number[] }[];
  /** Required fields no column holds. */
  missing: LedgerKey[];
};

/** Required of every row whatever state it reached (SPEC §3 `planned`); one of the areas is too. */
const ALWAYS: LedgerKey[] = ["code", "name", "town", "landUse", "origin"];

/**
 * Matches a file's header row to ledger fields. `remembered` (header key → field or "" for
 * "ignore"), saved from an earlier file's mapping step, wins over the built-in spellings.
 */
export function matchHeaders(headers: string[], remembered: Record<string, LedgerKey | ""> = {}): HeaderMatch {
  const columns = headers.map((h) => {
    const k = headerKey(h);
    if (k in remembered) return remembered[k] || null;
    return BY_HEADER.get(k) ?? null;
  });
  const unknown = headers
    .map((header, index) => ({ header, index }))
    .filter(
      ({ header, index }) => columns[index] === null && headerKey(header) !== "" && !(headerKey(header) in remembered),
    );
  const seen = new Map<LedgerKey, number[]>();
  columns.forEach((c, i) => c && seen.set(c, [...(seen.get(c) ?? []), i]));
  const duplicates = [...seen].filter(([, ix]) => ix.length > 1).map(([key, indexes]) => ({ key, indexes }));
  const missing = ALWAYS.filter((k) => !seen.has(k));
  if (!seen.has("areaMu") && !seen.has("areaHa") && !seen.has("areaM2")) missing.push("areaMu");
  return { columns, unknown, duplicates, missing };
}

// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the 29 February 1900 that
// never was (kept from Lotus 1-2-3), so from serial 61 on the date is 1899-12-30 + serial days.
const EXCEL_EPOCH = "1899-12-30";
// Serials from 1980-01-01 (29,221) to 2099-12-31 (73,050): a ledger date, not an amount.
const SERIAL_MIN = 29221;
const SERIAL_MAX = 73050;

const pad = (n: number) => String(n).padStart(2, "0");

export type CellResult<T> = { ok: true; value: T } | { ok: false; code: string };

/**
 * A date as Excel and WPS write it: 2023-05-06, 2023/5/6, 2023.5.6, 2023年5月6日, 20230506,
 * an Excel serial number (45052), optionally followed by a midnight time ("2023/5/6 0:00:00").
 */
export function parseLedgerDate(cell: string | number): CellResult<string> {
  if (typeof cell === "number") return fromSerial(cell);
  const v = cell.normalize("NFKC").trim();
  if (/^\d{5}(\.0+)?$/.test(v)) return fromSerial(Number(v));
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]0{1,2}:00(?::00)?)?$/.exec(v) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(v) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (!m) return { ok: false, code: "ledger_date_format" };
  const iso = `${m[1]}-${pad(+m[2])}-${pad(+m[3])}`;
  if (!isIsoDate(iso)) return { ok: false, code: "invalid_date" };
  return iso < DATE_FLOOR ? { ok: false, code: "before_date_floor" } : { ok: true, value: iso };
}

function fromSerial(n: number): CellResult<string> {
  if (!Number.isInteger(n) || n < SERIAL_MIN || n > SERIAL_MAX) return { ok: false, code: "ledger_date_format" };
  return { ok: true, value: addDays(EXCEL_EPOCH, n) };
}

/**
 * A number as a ledger holds it: thousands separators, full-width digits and a trailing unit the
 * column already implies ("25.5亩" under 面积(亩)). Another unit is refused rather than guessed.
 */
export function parseLedgerNumber(cell: string | number, unit?: string): CellResult<number> {
  if (typeof cell === "number")
    return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, code: "number" };
  let v = cell.normalize("NFKC").replace(/\s/g, "");
  if (unit && v.endsWith(unit)) v = v.slice(0, -unit.length);
  if (/[^\d.,+-]/.test(v)) return { ok: false, code: /\d/.test(v) ? "ledger_wrong_unit" : "number" };
  if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(v)) return { ok: false, code: "number" };
  return { ok: true, value: Number(v.replace(/,/g, "")) };
}

/** Chinese names (and the codes themselves) → land-use codes of SPEC §3. */
const LAND_USE_NAMES: Record<string, LandUse> = {
  商服用地: "commercial",
  商服: "commercial",
  商业: "commercial",
  商业用地: "commercial",
  商业服务业用地: "commercial",
  工矿仓储用地: "industrial",
  工业: "industrial",
  工业用地: "industrial",
  仓储用地: "industrial",
  工矿用地: "industrial",
  住宅用地: "residential",
  住宅: "residential",
  居住用地: "residential",
  公共管理与公共服务用地: "public",
  公共管理与公共服务: "public",
  公共服务用地: "public",
  交通运输用地: "transport",
  交通用地: "transport",
  水域及水利设施用地: "water",
  水利设施用地: "water",
  特殊用地: "special",
  其他: "other",
  其他用地: "other",
  ...Object.fromEntries(LAND_USES.map((u) => [u, u])),
};

const SUPPLY_METHOD_NAMES: Record<string, (typeof SUPPLY_METHODS)[number]> = {
  划拨: "allocation",
  协议: "agreement",
  协议出让: "agreement",
  招标: "tender",
  招标出让: "tender",
  拍卖: "auction",
  拍卖出让: "auction",
  挂牌: "listing",
  挂牌出让: "listing",
  租赁: "lease",
  出租: "lease",
  作价出资: "capital",
  作价出资入股: "capital",
  "作价出资(入股)": "capital",
  ...Object.fromEntries(SUPPLY_METHODS.map((m) => [m, m])),
};

const ORIGIN_NAMES: Record<string, (typeof ORIGINS)[number]> = {
  集体: "collective",
  集体土地: "collective",
  集体所有: "collective",
  国有: "state",
  国有土地: "state",
  国有建设用地: "state",
  存量国有: "state",
  ...Object.fromEntries(ORIGINS.map((o) => [o, o])),
};

const lookup =
  <T>(names: Record<string, T>, code: string) =>
  (cell: string): CellResult<T> => {
    const v = names[cell.normalize("NFKC").replace(/\s/g, "")];
    return v === undefined ? { ok: false, code } : { ok: true, value: v };
  };
export const landUseFromName = lookup(LAND_USE_NAMES, "ledger_land_use");
export const supplyMethodFromName = lookup(SUPPLY_METHOD_NAMES, "ledger_supply_method");
export const originFromName = lookup(ORIGIN_NAMES, "ledger_origin");

/** One ledger row, its cells keyed by field (absent or blank = not recorded). */
export type LedgerRow = Partial<Record<LedgerKey, string | number>>;

export type PlannedMove = { to: State; date: string; fields: Record<string, string | number> };
export type RowPlan = {
  register: {
    code: string;
    name: string;
    town: string;
    landUse: LandUse;
    origin: (typeof ORIGINS)[number];
    areaM2: number;
    batchName?: string;
    /** `reserved` for state-owned stock registered straight into the reserve (no approval dated). */
    state: "planned" | "reserved";
    date?: string;
    reserveNo?: string;
  };
  /** The moves that rebuild the parcel's chain, in order; each is checked like a move by the caller. */
  moves: PlannedMove[];
};

/** The reasons an imported skip carries (a skip needs one; a ledger has no column for it). */
export const IMPORT_SKIP_REASON = {
  reserved: "台账导入：国有土地，无需征收",
  supplied: "台账导入：单独选址项目直接供地",
} as const;

/**
 * Turns a ledger row into a registration and the moves its dates record, in chain order, with
 * each date's required fields. It checks the row's own shape (required cells, formats, one area,
 * dates without their stage's fields); chain order and date order are left to `validateMove`, so
 * an imported row passes exactly the rules a move through the form does.
 */
export function planLedgerRow(row: LedgerRow): { ok: true; plan: RowPlan } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const str = (k: LedgerKey) => {
    const v = row[k];
    if (v === undefined) return undefined;
    const s = String(v).trim();
    return s === "" ? undefined : s;
  };
  const need = (k: LedgerKey) => {
    const v = str(k);
    if (v === undefined) issues.push({ path: k, code: "required" });
    return v ?? "";
  };
  const date = (k: LedgerKey) => {
    const v = row[k];
    if (v === undefined || String(v).trim() === "") return undefined;
    const r = parseLedgerDate(typeof v === "number" ? v : String(v));
    if (!r.ok) issues.push({ path: k, code: r.code, params: { value: String(v) } });
    return r.ok ? r.value : undefined;
  };
  const choice = <T>(k: LedgerKey, f: (s: string) => CellResult<T>) => {
    const s = need(k);
    if (s === "") return undefined;
    const r = f(s);
    if (!r.ok) issues.push({ path: k, code: r.code, params: { value: s } });
    return r.ok ? r.value : undefined;
  };

  const code = need("code");
  const name = need("name");
  const town = need("town");
  const landUse = choice("landUse", landUseFromName);
  const origin = choice("origin", originFromName);
  const areaM2 = ledgerArea(row, issues);

  const approvedOn = date("approvedOn");
  const acquiredOn = date("acquiredOn");
  const reservedOn = date("reservedOn");
  const suppliedOn = date("suppliedOn");
  const startedOn = date("startedOn");
  const completedOn = date("completedOn");
  const withdrawnOn = date("withdrawnOn");
  const agreedStartOn = date("agreedStartOn");
  const agreedCompletionOn = date("agreedCompletionOn");

  const moves: PlannedMove[] = [];
  const fieldsOf = (keys: [string, LedgerKey][], optional: [string, LedgerKey][] = []) => {
    const f: Record<string, string | number> = {};
    for (const [name, k] of keys) f[name] = need(k);
    for (const [name, k] of optional) {
      const v = str(k);
      if (v !== undefined) f[name] = v;
    }
    return f;
  };

  const straightIntoReserve = !approvedOn && !!reservedOn && origin === "state";
  if (approvedOn) moves.push({ to: "approved", date: approvedOn, fields: fieldsOf([["docNo", "approvalDocNo"]]) });
  if (acquiredOn) moves.push({ to: "acquired", date: acquiredOn, fields: fieldsOf([["docNo", "acquisitionDocNo"]]) });
  if (reservedOn && !straightIntoReserve) {
    const f = fieldsOf([["reserveNo", "reserveNo"]]);
    if (!acquiredOn) f.reason = IMPORT_SKIP_REASON.reserved;
    moves.push({ to: "reserved", date: reservedOn, fields: f });
  }
  if (suppliedOn) {
    const method = choice("supplyMethod", supplyMethodFromName);
    const f = fieldsOf(
      [
        ["docNo", "contractNo"],
        ["landUser", "landUser"],
      ],
      [["supervisionNo", "supervisionNo"]],
    );
    if (method) f.method = method;
    const price = str("priceWan");
    if (price !== undefined) {
      const p = parseLedgerNumber(price, "万元");
      if (p.ok) f.priceWan = p.value;
      else issues.push({ path: "priceWan", code: p.code, params: { value: price } });
    }
    if (agreedStartOn) f.agreedStartOn = agreedStartOn;
    else if (str("agreedStartOn") === undefined) issues.push({ path: "agreedStartOn", code: "required" });
    if (agreedCompletionOn) f.agreedCompletionOn = agreedCompletionOn;
    else if (str("agreedCompletionOn") === undefined) issues.push({ path: "agreedCompletionOn", code: "required" });
    if (acquiredOn && !reservedOn) f.reason = IMPORT_SKIP_REASON.supplied;
    moves.push({ to: "supplied", date: suppliedOn, fields: f });
  }
  if (startedOn) moves.push({ to: "started", date: startedOn, fields: fieldsOf([["permitNo", "permitNo"]]) });
  if (completedOn) moves.push({ to: "completed", date: completedOn, fields: {} });
  if (withdrawnOn)
    moves.push({
      to: "withdrawn",
      date: withdrawnOn,
      fields: fieldsOf([
        ["docNo", "withdrawalDocNo"],
        ["reason", "withdrawalReason"],
      ]),
    });

  if (issues.length || landUse === undefined || origin === undefined || areaM2 === undefined)
    return { ok: false, issues };
  return {
    ok: true,
    plan: {
      register: {
        code,
        name,
        town,
        landUse,
        origin,
        areaM2,
        batchName: str("batchName"),
        state: straightIntoReserve ? "reserved" : "planned",
        ...(straightIntoReserve ? { date: reservedOn, reserveNo: need("reserveNo") } : {}),
      },
      moves,
    },
  };
}

const AREA_CELLS: [LedgerKey, string, number][] = [
  ["areaM2", "平方米", 1],
  ["areaHa", "公顷", 10000],
  ["areaMu", "亩", 10000 / 15],
];

/** The row's area in whole m²: from whichever area columns are filled, which must agree. */
function ledgerArea(row: LedgerRow, issues: Issue[]): number | undefined {
  const found: { key: LedgerKey; m2: number }[] = [];
  for (const [key, unit, perUnit] of AREA_CELLS) {
    const v = row[key];
    if (v === undefined || String(v).trim() === "") continue;
    const r = parseLedgerNumber(v, unit);
    if (!r.ok || r.value <= 0) {
      issues.push({ path: key, code: r.ok ? "too_small" : r.code, params: { value: String(v) } });
      return undefined;
    }
    // 亩: multiply before dividing, as toM2 does, so 616.2 亩 is 410,800 m² exactly.
    const m2 = key === "areaMu" ? Math.round((r.value * 10000) / 15 + 1e-9) : Math.round(r.value * perUnit + 1e-9);
    found.push({ key, m2 });
  }
  if (!found.length) {
    issues.push({ path: "areaMu", code: "required" });
    return undefined;
  }
  // Columns rounded for display (亩 to 0.01 ≈ 6.67 m², 公顷 to 0.0001 = 1 m²) agree within that.
  const [first, ...rest] = found;
  for (const other of rest)
    if (Math.abs(other.m2 - first.m2) > 7)
      issues.push({ path: other.key, code: "ledger_area_mismatch", params: { with: first.key } });
  return first.m2;
}

/** The ledger column each move's fields come from, so a refused move names the cell to fix. */
const MOVE_COLUMNS: Partial<Record<State, Record<string, LedgerKey>>> = {
  approved: { date: "approvedOn", to: "approvedOn", docNo: "approvalDocNo" },
  acquired: { date: "acquiredOn", to: "acquiredOn", docNo: "acquisitionDocNo" },
  reserved: { date: "reservedOn", to: "reservedOn", reserveNo: "reserveNo", reason: "reservedOn" },
  supplied: {
    date: "suppliedOn",
    to: "suppliedOn",
    method: "supplyMethod",
    docNo: "contractNo",
    landUser: "landUser",
    priceWan: "priceWan",
    agreedStartOn: "agreedStartOn",
    agreedCompletionOn: "agreedCompletionOn",
    supervisionNo: "supervisionNo",
    reason: "suppliedOn",
  },
  started: { date: "startedOn", to: "startedOn", permitNo: "permitNo" },
  completed: { date: "completedOn", to: "completedOn" },
  withdrawn: { date: "withdrawnOn", to: "withdrawnOn", docNo: "withdrawalDocNo", reason: "withdrawalReason" },
};

/**
 * Runs the plan's moves through `validateMove`, the rule every form and API move passes: the chain
 * (one step at a time, the two skips, withdrawal only before supply), each date on or after the one
 * before and not after `today`, each stage's fields. Issues name the ledger column to fix.
 */
export function checkPlanMoves(
  plan: RowPlan,
  today: string,
): { ok: true; moves: PlannedMove[] } | { ok: false; issues: Issue[] } {
  let state: State = plan.register.state;
  let lastMovedOn = plan.register.date ?? null;
  if (lastMovedOn && lastMovedOn > today)
    return { ok: false, issues: [{ path: "reservedOn", code: "after_today", params: { today } }] };
  const moves: PlannedMove[] = [];
  for (const m of plan.moves) {
    const r = validateMove({ state, lastMovedOn }, { to: m.to, date: m.date, version: 1, ...m.fields }, today);
    if (!r.ok) {
      const cols = MOVE_COLUMNS[m.to] ?? {};
      return { ok: false, issues: r.issues.map((i) => ({ ...i, path: cols[i.path] ?? i.path })) };
    }
    // The fields as the move rules parsed them (trimmed, normalised), as a move through the API stores them.
    moves.push({ to: r.to, date: r.date, fields: r.fields as Record<string, string | number> });
    state = m.to;
    lastMovedOn = m.date;
  }
  return { ok: true, moves };
}
