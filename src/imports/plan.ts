import { movePatch, type ParcelPatch } from "../domain/record";
import {
  checkPlanMoves,
  headerKey,
  LEDGER_COLUMNS,
  planLedgerRow,
  type HeaderMatch,
  type LedgerKey,
  type LedgerRow,
} from "../domain/ledger";
import { registerInput } from "../domain/register";
import { parseWith, type Issue } from "../domain/issues";
import { sortTowns } from "../domain/towns";
import type { AreaUnit } from "../domain/area";
import { implausibleArea } from "../domain/plausibility";
import type { Cell } from "./read-file";

/** One problem of a dry run: spreadsheet row, the column as the file names it, the cell, what is wrong. */
export type Problem = {
  row: number;
  column: string;
  value: string;
  code: string;
  params?: Record<string, string | number>;
};

/** A row ready to publish: the parcel's final columns and the events that rebuild its chain. */
export type StagedRow = {
  rowNo: number;
  batchName: string | null;
  /** Parcel columns (camelCase, as the schema names them) after every move of the row. */
  p: ParcelPatch & { code: string; version: number };
  events: { from: string; to: string; on: string; data: Record<string, unknown> }[];
};

export type NewBatch = {
  name: string;
  kind: "urban" | "standalone" | "linked";
  docNo: string | null;
  approvedOn: string | null;
};

/** A ledger has no batch-kind column: the bureau's batch names say it (…单独选址…, …增减挂钩…). */
export const batchKindFromName = (name: string): NewBatch["kind"] =>
  name.includes("单独选址") ? "standalone" : name.includes("增减挂钩") ? "linked" : "urban";

export type DryRun = { problems: Problem[]; staged: StagedRow[]; newBatches: NewBatch[]; dataRows: number };

export type DryRunContext = {
  today: string;
  /** Codes among the file's that the database holds already. */
  existingCodes: ReadonlySet<string>;
  /** Names of the batches the database holds. */
  knownBatches: ReadonlySet<string>;
  /** The towns offered for new entries (镇/街道 as managed data): a ledger's town must be one of them. */
  towns: readonly string[];
  /** The district's ceiling for one parcel's area in m² (PARCEL_AREA_CEILING_HA), or null for none. */
  ceilingM2?: number | null;
};

// The area columns in the order the ledger reads them (its first filled one is the area): the unit it was typed in.
const AREA_UNITS: [LedgerKey, AreaUnit][] = [
  ["areaM2", "m2"],
  ["areaHa", "ha"],
  ["areaMu", "mu"],
];

/** The header row's identity, to remember a mapping for the next file with the same headers. */
export const headerSignature = (headers: Cell[]) => headers.map((h) => headerKey(String(h))).join("|");

const KNOWN = new Set(LEDGER_COLUMNS.flatMap((c) => c.headers.map(headerKey)));

/**
 * The header row: the first of the first ten rows naming at least three ledger columns (a ledger
 * often opens with a title such as "南湖区建设用地台账" above it), else the first non-blank row.
 */
export function findHeaderRow(rows: Cell[][]): number {
  for (let i = 0; i < Math.min(rows.length, 10); i++)
    if (rows[i].filter((c) => KNOWN.has(headerKey(String(c)))).length >= 3) return i;
  return Math.max(
    0,
    rows.findIndex((r) => r.some((c) => c !== "")),
  );
}

/**
 * Checks every data row below `headerIndex` with the rules a registration and each move through
 * the form obey, plus what only a file can get wrong (a code twice in the file, a code the
 * database has). Nothing is written: the result is either problems, or rows ready to stage.
 */
export function dryRun(rows: Cell[][], headerIndex: number, match: HeaderMatch, ctx: DryRunContext): DryRun {
  const headers = rows[headerIndex] ?? [];
  const columnName = (key: string) => {
    const i = match.columns.indexOf(key as LedgerKey);
    if (i >= 0 && String(headers[i]).trim()) return String(headers[i]).trim();
    return LEDGER_COLUMNS.find((c) => c.key === key)?.headers[0] ?? key;
  };
  const problems: Problem[] = [];
  const staged: StagedRow[] = [];
  const newBatches = new Map<string, NewBatch>();
  const seen = new Map<string, number>();
  const townList = sortTowns(ctx.towns).join("、");
  let dataRows = 0;

  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (cells.every((c) => c === "")) continue;
    dataRows++;
    const rowNo = i + 1;
    const row: LedgerRow = {};
    match.columns.forEach((key, col) => {
      if (key && cells[col] !== undefined && cells[col] !== "") row[key] = cells[col];
    });
    const report = (issues: Issue[]) =>
      issues.forEach((x) =>
        problems.push({
          row: rowNo,
          column: columnName(x.path),
          value: row[x.path as LedgerKey] === undefined ? "" : String(row[x.path as LedgerKey]),
          code: x.code,
          ...(x.params ? { params: x.params } : {}),
        }),
      );

    const planned = planLedgerRow(row);
    if (!planned.ok) {
      report(planned.issues);
      continue;
    }
    const { register, moves } = planned.plan;
    // The registration rules of the form and the API: lengths, hidden characters, land use, origin.
    const reg = parseWith(registerInput, {
      code: register.code,
      name: register.name,
      town: register.town,
      landUse: register.landUse,
      origin: register.origin,
      area: { value: register.areaM2, unit: "m2" },
    });
    if (!reg.ok) {
      report(reg.issues.map((x) => (x.path.startsWith("area") ? { ...x, path: "areaMu" } : x)));
      continue;
    }
    // The form's plausibility checks (issue 10 §3): a unit typed wrong or an area over the district's ceiling. A
    // form lets the officer confirm such an area; a ledger row is refused, to be fixed in the file (or the
    // ceiling raised) — one typo of 99,999 公顷 would otherwise dominate every total.
    const [areaKey, unit] = AREA_UNITS.find(([k]) => row[k] !== undefined) ?? AREA_UNITS[2];
    const implausible = implausibleArea(register.areaM2, unit, {
      ceilingM2: ctx.ceilingM2 ?? null,
      batchTotalM2: null,
    });
    if (implausible.length) {
      report(implausible.map(({ check: _, ...x }) => ({ ...x, code: `ledger_${x.code}`, path: areaKey })));
      continue;
    }
    if (!ctx.towns.includes(reg.value.town)) {
      report([{ path: "town", code: "unknown_town", params: { name: reg.value.town, towns: townList } }]);
      continue;
    }
    // As the register rule stores it (NFKC, format characters gone), so look-alikes are duplicates.
    const code = reg.value.code;
    const first = seen.get(code);
    if (first !== undefined) {
      report([{ path: "code", code: "duplicate_in_file", params: { row: first } }]);
      continue;
    }
    seen.set(code, rowNo);
    if (ctx.existingCodes.has(code)) {
      report([{ path: "code", code: "duplicate_code" }]);
      continue;
    }
    const checked = checkPlanMoves(planned.plan, ctx.today);
    if (!checked.ok) {
      report(checked.issues);
      continue;
    }

    let p: StagedRow["p"] = {
      code,
      name: reg.value.name,
      town: reg.value.town,
      landUse: reg.value.landUse,
      origin: reg.value.origin,
      areaM2: reg.value.area.m2,
      state: register.state,
      version: 1,
      lastMovedOn: register.date ?? null,
      ...(register.state === "reserved" ? { reservedOn: register.date!, reserveNo: register.reserveNo! } : {}),
    };
    const events: StagedRow["events"] = [];
    for (const m of checked.moves) {
      events.push({ from: String(p.state), to: m.to, on: m.date, data: { ...m.fields } });
      p = { ...p, ...movePatch(m.to, m.date, m.fields), version: p.version + 1 };
    }
    const batchName = register.batchName ?? null;
    if (batchName && !ctx.knownBatches.has(batchName) && !newBatches.has(batchName))
      newBatches.set(batchName, {
        name: batchName,
        kind: batchKindFromName(batchName),
        docNo: p.approvalDocNo ?? null,
        approvedOn: p.approvedOn ?? null,
      });
    staged.push({ rowNo, batchName, p, events });
  }
  return { problems, staged, newBatches: [...newBatches.values()], dataRows };
}
