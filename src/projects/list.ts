import type { Db } from "../db/client";
import type { ProblemRow, Project } from "../db/schema";
import type { ProjectStatus } from "./list-query";
import { rulesOf, type Rules } from "./load";
import {
  allProjectParcelsQuery,
  calendarYearsQuery,
  durationsQuery,
  openProblemsQuery,
  projectListQuery,
  type ParcelFactRow,
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

export type ListItem = { project: Project; schedule: Schedule; openProblems: ProblemRow[]; parcelCount: number };

type ListResults = readonly [
  Project[],
  ParcelFactRow[],
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

/** The projects with their schedules on `asOf`, riskiest first; `status` keeps only projects of that status. */
export function listOf(
  results: ListResults,
  asOf: string,
  status?: ProjectStatus,
): { items: ListItem[]; rules: Rules } {
  const [projects, parcels, problems, cal, dur] = results;
  const rules = rulesOf(cal, dur);
  const parcelsOf = groupBy(parcels, (p) => p.projectId);
  const problemsOf = groupBy(problems, (p) => p.projectId);
  const items = projects
    .map((project) => {
      const ps = parcelsOf.get(project.id) ?? [];
      const open = problemsOf.get(project.id) ?? [];
      const schedule = scheduleOf(rules.cal, rules.durations, project, ps, open, asOf);
      return { project, schedule, openProblems: open, parcelCount: ps.length };
    })
    .filter((i) => status === undefined || i.schedule.status === status)
    .sort(byRisk);
  return { items, rules };
}
