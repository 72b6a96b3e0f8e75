import type { SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";
import type { ProblemRow, Project } from "../db/schema";
import { PROJECT_PAGE_SIZE, type ProjectStatus } from "./list-query";
import { rulesOf, type Rules } from "./load";
import {
  allProjectParcelsQuery,
  calendarYearsQuery,
  durationsQuery,
  openProblemsOfQuery,
  openProblemsQuery,
  parcelsOfProjectsQuery,
  projectListQuery,
  projectsInQuery,
  type ParcelDatesRow,
  type ProjectFilter,
} from "./queries";
import { byRisk, scheduleOf, type Schedule } from "./schedule";

// Every project's schedule on an as-of date, for the list and the battle map: five reads in the one batch
// (projects, their parcels' date columns, open problems, calendar years, durations), then plain JS.

export const listReads = (db: Db, f: ProjectFilter) =>
  [
    projectListQuery(db, f),
    allProjectParcelsQuery(db),
    openProblemsQuery(db),
    calendarYearsQuery(db),
    durationsQuery(db),
  ] as const;

/**
 * The same five reads over only the projects whose ids the subquery `ids` gives (one lead's own on the home
 * page): their parcels and problems by index, not every project's.
 */
export const listReadsOf = (db: Db, ids: SQLWrapper) =>
  [
    projectsInQuery(db, ids),
    parcelsOfProjectsQuery(db, ids),
    openProblemsOfQuery(db, ids),
    calendarYearsQuery(db),
    durationsQuery(db),
  ] as const;

export type ListItem = { project: Project; schedule: Schedule; openProblems: ProblemRow[]; parcelCount: number };

type ListResults = readonly [
  Project[],
  ParcelDatesRow[],
  ProblemRow[],
  Awaited<ReturnType<typeof calendarYearsQuery>>,
  Awaited<ReturnType<typeof durationsQuery>>,
];

function groupBy<T>(rows: readonly T[], key: (r: T) => number | null): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

export type StatusCounts = Record<ProjectStatus, number>;

/**
 * The projects with their schedules on `asOf`, riskiest first; `status` keeps only projects of that status.
 * `counts`: how many of the filtered projects are in each status, before the status filter.
 */
export function listOf(
  results: ListResults,
  asOf: string,
  status?: ProjectStatus,
): { items: ListItem[]; rules: Rules; counts: StatusCounts } {
  const [projects, parcels, problems, cal, dur] = results;
  const rules = rulesOf(cal, dur);
  const parcelsOf = groupBy(parcels, (p) => p.projectId);
  const problemsOf = groupBy(problems, (p) => p.projectId);
  const all = projects.map((project) => {
    const ps = parcelsOf.get(project.id) ?? [];
    const open = problemsOf.get(project.id) ?? [];
    const schedule = scheduleOf(rules.cal, rules.durations, project, ps, open, asOf);
    return { project, schedule, openProblems: open, parcelCount: ps.length };
  });
  const counts: StatusCounts = { overdue: 0, at_risk: 0, on_track: 0, done: 0 };
  for (const i of all) counts[i.schedule.status]++;
  const items = all.filter((i) => status === undefined || i.schedule.status === status).sort(byRisk);
  return { items, rules, counts };
}

export type Paged<T> = { items: T[]; page: number; pages: number; total: number; pageSize: number };

/** Page `page` (from 1) of `items`; a page past the last shows the last one. */
export function pageOf<T>(items: readonly T[], page: number, pageSize = PROJECT_PAGE_SIZE): Paged<T> {
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const p = Math.min(Math.max(1, Math.floor(page)), pages);
  return { items: items.slice((p - 1) * pageSize, p * pageSize), page: p, pages, total: items.length, pageSize };
}
