import type { BatchResponse } from "drizzle-orm/batch";
import { z } from "zod";
import type { Db } from "../db/client";
import { areaFields, muRounded } from "../domain/area";
import { isoDate } from "../domain/fields";
import { IDLE_LEVELS, idleStatus } from "../domain/idle-land";
import { issuesFromZod, type Issue } from "../domain/issues";
import { IDLE_RULES } from "../domain/idle-rules";
import { completionDaysLate } from "../domain/use-rates";
import { targetQuery } from "../targets/queries";
import { idleCandidatesQuery, overdueCompletionQuery, useRatesQuery } from "./queries";

const blank = (v: unknown) => (v === "" ? undefined : v);
const query = z.object({
  asOf: z.preprocess(blank, isoDate.optional()),
  level: z.preprocess(blank, z.enum(IDLE_LEVELS).optional()),
  town: z.preprocess(blank, z.string().trim().max(50).optional()),
});
export type IdleAsk = { asOf: string; level?: (typeof IDLE_LEVELS)[number]; town?: string };

/** `?asOf=&level=&town=`, shared by the page and the API; as of today by default. */
export function parseIdleQuery(
  q: Record<string, string>,
  today: string,
): { ok: true; ask: IdleAsk } | { ok: false; issues: Issue[] } {
  const r = query.safeParse(q, { reportInput: true });
  if (!r.success) return { ok: false, issues: issuesFromZod(r.error) };
  return { ok: true, ask: { ...r.data, asOf: r.data.asOf ?? today } };
}

/** The page's reads, in the authorize batch: one D1 round trip. */
export const idleReads = (db: Db, a: IdleAsk) =>
  [
    idleCandidatesQuery(db, a.asOf),
    useRatesQuery(db, a.asOf),
    overdueCompletionQuery(db, a.asOf),
    targetQuery(db, Number(a.asOf.slice(0, 4))),
  ] as const;

const rate = (done: number, due: number) => (due > 0 ? done / due : null);

/** 供而未用 / 闲置土地 as of D (docs/PRODUCT.md §6): each parcel's level by the domain, the warnings, the rates. */
export function shapeIdle(a: IdleAsk, [candidates, [r], late, [target]]: BatchResponse<ReturnType<typeof idleReads>>) {
  const all = candidates.map((p) => ({
    ...p,
    ...areaFields(p.areaM2),
    status: idleStatus({ ...p, startedOn: null }, a.asOf)!,
  }));
  const items = all.filter((p) => (!a.level || p.status.level === a.level) && (!a.town || p.town === a.town));
  const warnings = [...IDLE_RULES.warningDays]
    .sort((x, y) => x - y)
    .map((days) => ({ days, items: items.filter((p) => p.status.warning === days) }));
  const overdueCompletion = late.map((p) => ({
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
    items,
    warnings,
    overdueCompletion,
    rates,
    targets,
  };
}

export type Idle = ReturnType<typeof shapeIdle>;

/** The API shape of docs/PRODUCT.md §9 "Idle land". */
export const idleJson = (d: Idle) => ({
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
  warnings: d.warnings.map((w) => ({ days: w.days, parcelIds: w.items.map((p) => p.id) })),
  overdueCompletion: d.overdueCompletion.map(({ id, code, town, agreedCompletionOn, daysLate, areaMu }) => ({
    parcelId: id,
    code,
    town,
    agreedCompletionOn,
    daysLate,
    areaMu,
  })),
});
