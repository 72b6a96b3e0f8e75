import type { BatchResponse } from "drizzle-orm/batch";
import { z } from "zod";
import type { Db } from "../db/client";
import { areaFields, muRounded } from "../domain/area";
import { isoDate } from "../domain/fields";
import { IDLE_LEVELS, idleStatus, levelStartRanges, warningStartRanges, type StartRange } from "../domain/idle-land";
import { issuesFromZod, type Issue } from "../domain/issues";
import { IDLE_RULES } from "../domain/idle-rules";
import { completionDaysLate } from "../domain/use-rates";
import { targetQuery } from "../targets/queries";
import {
  idleListQuery,
  idleTotalsQuery,
  overdueCompletionCountQuery,
  overdueCompletionQuery,
  useRatesQuery,
  warningGroupQuery,
  type IdleCursor,
  type IdleFilter,
  type LateCursor,
} from "./queries";

const blank = (v: unknown) => (v === "" ? undefined : v);
// "2023-04-10_123": the supply date and id of a row shown (keyset, never OFFSET).
const cursor = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}_\d{1,15}$/)
    .optional(),
);
const query = z.object({
  asOf: z.preprocess(blank, isoDate.optional()),
  level: z.preprocess(blank, z.enum(IDLE_LEVELS).optional()),
  town: z.preprocess(blank, z.string().trim().max(50).optional()),
  warning: z.preprocess(blank, z.enum(IDLE_RULES.warningDays.map(String) as [string, ...string[]]).optional()),
  cursor,
  before: cursor,
  lateCursor: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}_\d{1,15}$/)
      .optional(),
  ),
});

/** The idle list's page size. */
export const IDLE_PAGE = 50;
/** Rows shown of each early-warning group and of 逾期未竣工 on the page; "全部 N 宗" opens the rest. */
export const GROUP_CAP = 10;
export const LATE_CAP = 20;

export type IdleAsk = {
  asOf: string;
  level?: (typeof IDLE_LEVELS)[number];
  town?: string;
  warning?: number;
  cursor?: IdleCursor;
  before?: IdleCursor;
  lateCursor?: LateCursor;
};

const toCursor = (c: string | undefined): IdleCursor | undefined => {
  const [on, id] = c?.split("_") ?? [];
  return c ? { suppliedOn: on, id: Number(id) } : undefined;
};
export const idleCursorParam = (c: IdleCursor) => `${c.suppliedOn}_${c.id}`;
export const lateCursorParam = (c: LateCursor) => `${c.agreedCompletionOn}_${c.id}`;

/** `?asOf=&level=&town=&warning=&cursor=|before=`, shared by the page and the API; as of today by default. */
export function parseIdleQuery(
  q: Record<string, string>,
  today: string,
): { ok: true; ask: IdleAsk } | { ok: false; issues: Issue[] } {
  const r = query.safeParse(q, { reportInput: true });
  if (!r.success) return { ok: false, issues: issuesFromZod(r.error) };
  const { asOf, level, town, warning, cursor, before, lateCursor } = r.data;
  const [lateOn, lateId] = lateCursor?.split("_") ?? [];
  return {
    ok: true,
    ask: {
      asOf: asOf ?? today,
      level,
      town,
      warning: warning === undefined ? undefined : Number(warning),
      cursor: before ? undefined : toCursor(cursor),
      before: toCursor(before),
      lateCursor: lateCursor ? { agreedCompletionOn: lateOn, id: Number(lateId) } : undefined,
    },
  };
}

/** The agreed starts the list's level and warning filters keep (both: the overlap of the two ranges). */
function listStarts(a: IdleAsk): StartRange | undefined {
  const ranges: StartRange[] = [];
  if (a.level) ranges.push(levelStartRanges(a.asOf)[a.level]);
  const w = warningStartRanges(a.asOf).find((x) => x.days === a.warning);
  if (w) ranges.push(w.range);
  if (!ranges.length) return undefined;
  const after = ranges.map((r) => r.after).reduce((x, y) => (x === null ? y : y === null ? x : x > y ? x : y));
  const upTo = ranges.map((r) => r.upTo).reduce((x, y) => (x < y ? x : y));
  return { after, upTo };
}

/** The page's reads, in the authorize batch: one D1 round trip. */
export const idleReads = (db: Db, a: IdleAsk) => {
  const f: IdleFilter = { asOf: a.asOf, town: a.town, starts: listStarts(a) };
  const group = (range: StartRange) => warningGroupQuery(db, a.asOf, a.town, range, GROUP_CAP);
  const [w0, w1, w2] = warningStartRanges(a.asOf).map((w) => group(w.range));
  return [
    idleListQuery(db, f, IDLE_PAGE, a.before ?? a.cursor, a.before !== undefined),
    idleTotalsQuery(db, f),
    w0,
    w1,
    w2,
    useRatesQuery(db, a.asOf),
    overdueCompletionQuery(db, a.asOf, LATE_CAP + 1, a.lateCursor),
    overdueCompletionCountQuery(db, a.asOf),
    targetQuery(db, Number(a.asOf.slice(0, 4))),
  ] as const;
};

const rate = (done: number, due: number) => (due > 0 ? done / due : null);

type IdleRow = BatchResponse<ReturnType<typeof idleReads>>[0][number];
const withStatus = (rows: readonly IdleRow[], asOf: string) =>
  rows.map((p) => ({
    ...p,
    ...areaFields(p.areaM2),
    status: idleStatus({ ...p, startedOn: null }, asOf)!,
  }));

/** 供而未用 / 闲置土地 as of D (docs/PRODUCT.md §6): one page of the list, the totals and warnings from SQL, the rates. */
export function shapeIdle(
  a: IdleAsk,
  [page, [tot], w0, w1, w2, [r], late, [lateCount], [target]]: BatchResponse<ReturnType<typeof idleReads>>,
) {
  const back = a.before !== undefined;
  const more = page.length > IDLE_PAGE;
  const rows = page.slice(0, IDLE_PAGE);
  if (back) rows.reverse();
  const items = withStatus(rows, a.asOf);
  const [first, last] = [items.at(0), items.at(-1)];
  const key = (p: { suppliedOn: string; id: number }) => ({ suppliedOn: p.suppliedOn, id: p.id });
  // Going forward there is a page before once a cursor was given; going back, while more rows lay behind.
  const prev = first && (back ? more : a.cursor !== undefined) ? key(first) : null;
  const next = last && (back ? true : more) ? key(last) : null;
  const warnings = warningStartRanges(a.asOf).map((w, i) => ({
    days: w.days,
    count: tot[`warn${w.days}`],
    items: withStatus([w0, w1, w2][i], a.asOf),
  }));
  const fee = (hundreds: number | undefined) => (hundreds === undefined ? null : hundreds / 100);
  const totals = {
    count: tot.count,
    byLevel: IDLE_LEVELS.map((level) => ({
      level,
      count: tot[`${level}Count`],
      ...areaFields(tot[`${level}M2`]),
      feeWan: fee(tot[`${level}FeeHundreds`]),
    })),
  };
  const lateShown = late.slice(0, LATE_CAP);
  const lateLast = lateShown.at(-1);
  const lateNext =
    late.length > LATE_CAP && lateLast ? { agreedCompletionOn: lateLast.agreedCompletionOn, id: lateLast.id } : null;
  const overdueCompletion = lateShown.map((p) => ({
    ...p,
    ...areaFields(p.areaM2),
    daysLate: completionDaysLate({ ...p, suppliedOn: null, completedOn: null, agreedStartOn: null }, a.asOf),
  }));
  const rates = {
    start: {
      dueCount: r.startDueCount,
      doneCount: r.startDoneCount,
      dueAreaMu: muRounded(r.startDueM2),
      doneAreaMu: muRounded(r.startDoneM2),
      countRate: rate(r.startDoneCount, r.startDueCount),
      areaRate: rate(r.startDoneM2, r.startDueM2),
    },
    completion: {
      dueCount: r.completionDueCount,
      doneCount: r.completionDoneCount,
      dueAreaMu: muRounded(r.completionDueM2),
      doneAreaMu: muRounded(r.completionDoneM2),
      countRate: rate(r.completionDoneCount, r.completionDueCount),
      areaRate: rate(r.completionDoneM2, r.completionDueM2),
    },
  };
  const targets = target ? { startRatePct: target.startRatePct, completionRatePct: target.completionRatePct } : null;
  return {
    asOf: a.asOf,
    level: a.level ?? null,
    town: a.town ?? null,
    warning: a.warning ?? null,
    total: tot.listCount,
    items,
    prev,
    next,
    totals,
    warnings,
    overdueCompletion,
    overdueCompletionTotal: lateCount.count,
    lateCursor: a.lateCursor ?? null,
    lateNext,
    rates,
    targets,
  };
}

export type Idle = ReturnType<typeof shapeIdle>;

/** The API shape of docs/PRODUCT.md §9 "Idle land". */
export const idleJson = ({ prev, next, lateNext, lateCursor, ...d }: Idle) => ({
  ...d,
  items: d.items.map((p) => ({
    parcelId: p.id,
    code: p.code,
    name: p.name,
    town: p.town,
    areaM2: p.areaM2,
    areaMu: p.areaMu,
    agreedStartOn: p.agreedStartOn,
    originalAgreedStartOn: p.originalAgreedStartOn,
    level: p.status.level,
    daysLate: p.status.daysLate,
    daysToGo: p.status.daysToGo,
    next: p.status.next,
    feeWan: p.status.feeWan,
  })),
  nextCursor: next ? idleCursorParam(next) : null,
  prevCursor: prev ? idleCursorParam(prev) : null,
  lateNextCursor: lateNext ? lateCursorParam(lateNext) : null,
  // The first parcels of each group (at most GROUP_CAP); `count` is the whole group.
  warnings: d.warnings.map((w) => ({ days: w.days, count: w.count, parcelIds: w.items.map((p) => p.id) })),
  overdueCompletion: d.overdueCompletion.map(({ id, code, town, agreedCompletionOn, daysLate, areaMu }) => ({
    parcelId: id,
    code,
    town,
    agreedCompletionOn,
    daysLate,
    areaMu,
  })),
});
