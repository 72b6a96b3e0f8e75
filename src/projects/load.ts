import type { Db } from "../db/client";
import type { ProblemEvent, ProblemRow, Project, ProjectEvent } from "../db/schema";
import type { Calendar } from "../domain/calendar";
import type { Durations } from "../domain/schedule";
import {
  calendarYearsQuery,
  durationsQuery,
  problemEventsQuery,
  problemsQuery,
  projectEventsQuery,
  projectParcelsQuery,
  projectQuery,
  type ParcelFactRow,
} from "./queries";
import { calendarOf, durationsOf, scheduleOf, type Schedule } from "./schedule";

// What the project page and its JSON twin read, in the one authorize batch, and what they make of it.

export const rulesReads = (db: Db) => [calendarYearsQuery(db), durationsQuery(db)] as const;

export type Rules = { cal: Calendar; durations: Durations };
export const rulesOf = (
  cal: Awaited<ReturnType<typeof calendarYearsQuery>>,
  dur: Awaited<ReturnType<typeof durationsQuery>>,
): Rules => ({ cal: calendarOf(cal), durations: durationsOf(dur) });

export const detailReads = (db: Db, id: number) =>
  [
    projectQuery(db, id),
    projectParcelsQuery(db, id),
    problemsQuery(db, id),
    problemEventsQuery(db, id),
    projectEventsQuery(db, id),
    calendarYearsQuery(db),
    durationsQuery(db),
  ] as const;

export type Detail = {
  project: Project;
  parcels: ParcelFactRow[];
  problems: ProblemRow[];
  problemEvents: ProblemEvent[];
  events: ProjectEvent[];
  rules: Rules;
  schedule: Schedule;
  asOf: string;
};

type DetailResults = readonly [
  Project[],
  ParcelFactRow[],
  ProblemRow[],
  ProblemEvent[],
  ProjectEvent[],
  Awaited<ReturnType<typeof calendarYearsQuery>>,
  Awaited<ReturnType<typeof durationsQuery>>,
];

/** The detail on `asOf`, or null for an unknown project. */
export function detailOf(results: DetailResults, asOf: string): Detail | null {
  const [[project], parcels, problems, problemEvents, events, cal, dur] = results;
  if (!project) return null;
  const rules = rulesOf(cal, dur);
  const schedule = scheduleOf(rules.cal, rules.durations, project, parcels, problems, asOf);
  return { project, parcels, problems, problemEvents, events, rules, schedule, asOf };
}
