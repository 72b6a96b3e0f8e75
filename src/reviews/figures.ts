import type { BatchResponse } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { addDays, addYears } from "../domain/dates";
import { weekEnd, weekStart } from "../domain/week";
import { approvedOnlyBetweenQuery, digestedByTownQuery, digestionFiguresQuery } from "../digestion/queries";
import { idleCandidatesQuery, startRateByTownQuery, useRatesQuery } from "../idle-land/queries";
import { chainAsOfQuery, eventsRecordedQuery, movesDatedQuery } from "../parcels/queries";
import { listReads } from "../projects/queries";
import { targetQuery } from "../targets/queries";
import * as s from "./sections";

// 周进度晾晒 the review of one week computed from today's data (docs/PRODUCT.md §8): every read in one D1 batch,
// then plain JS. The figures are plain JSON, so the scheduled job stores them as they are (snapshot.ts).

/** At most this many moves (and as many late entries and corrections) are listed; the totals count them all. */
export const EVENT_LIMIT = 500;

/** The week's days and instants: Monday S … Sunday E, the Sunday before (P), and the week as UTC instants. */
export function weekSpan(week: string) {
  const startOn = weekStart(week);
  const endOn = weekEnd(week);
  const beforeOn = addDays(startOn, -1);
  // Monday 00:00 in Shanghai is Sunday 16:00 UTC.
  return { week, startOn, endOn, beforeOn, fromAt: `${beforeOn}T16:00:00.000Z`, toAt: `${endOn}T16:00:00.000Z` };
}
export type WeekSpan = ReturnType<typeof weekSpan>;

const yearOf = (d: string) => Number(d.slice(0, 4));

/** The live review's reads (first the chain, last the lapse candidates): one batch. */
export function reviewReads(db: Db, w: WeekSpan) {
  const year = yearOf(w.endOn);
  const lapseBase = addYears(w.endOn, -2);
  return [
    chainAsOfQuery(db, w.endOn, w.beforeOn),
    movesDatedQuery(db, w.startOn, w.endOn, EVENT_LIMIT),
    eventsRecordedQuery(db, w.fromAt, w.toAt, w.startOn, EVENT_LIMIT),
    digestionFiguresQuery(db, { year, asOf: w.endOn }),
    targetQuery(db, year),
    useRatesQuery(db, w.endOn),
    digestedByTownQuery(db, { year, asOf: w.endOn }),
    digestedByTownQuery(db, { year: yearOf(w.beforeOn), asOf: w.beforeOn }),
    startRateByTownQuery(db, w.endOn, w.beforeOn),
    ...listReads(db, {}),
    idleCandidatesQuery(db, w.endOn),
    // Lapse on approval + 2 years + 1 day, warned from 90 days before the anniversary: a few days' margin
    // each side, the domain decides.
    approvedOnlyBetweenQuery(db, w.endOn, addDays(lapseBase, -3), addDays(lapseBase, 93)),
  ] as const;
}

export type ReviewResults = BatchResponse<ReturnType<typeof reviewReads>>;

/** The week's review from the live reads: the sections of docs/PRODUCT.md §8, as JSON-ready figures. */
export function shapeReview(w: WeekSpan, r: ReviewResults) {
  const [chain, dated, recorded, [dig], [target], [rates], digEnd, digBefore, starts] = r;
  const [projects, projectParcels, problems, cal, dur, idle, approvals] = r.slice(9) as unknown as [
    ...ProjectReads,
    ReviewResults[14],
    ReviewResults[15],
  ];
  const startBefore = starts.map((t) => ({ town: t.town, dueCount: t.dueCountBefore, doneCount: t.doneCountBefore }));
  return {
    week: w.week,
    startOn: w.startOn,
    endOn: w.endOn,
    year: yearOf(w.endOn),
    states: s.chainSection(chain),
    ...s.movesSection(dated, recorded, w),
    digestion: s.digestionSection(dig, target ?? null, w.endOn),
    rates: s.ratesSection(rates, target ?? null),
    projects: s.projectsSection([projects, projectParcels, problems, cal, dur], w),
    problems: s.problemsSection(projects, problems, w.endOn),
    idleLand: s.idleSection(idle, approvals, w.endOn),
    ranking: s.rankingSection(digEnd, digBefore, starts, startBefore),
  };
}

type ProjectReads = [ReviewResults[9], ReviewResults[10], ReviewResults[11], ReviewResults[12], ReviewResults[13]];

export type Review = ReturnType<typeof shapeReview>;
