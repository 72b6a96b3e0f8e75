import { and, asc, desc, eq, gt, inArray, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  calendarChanges,
  calendarYears,
  durationChanges,
  milestoneDurations,
  parcels,
  problemEvents,
  problems,
  projectEvents,
  projects,
} from "../db/schema";
import type { ProjectCategory } from "../domain/projects";

// The projects feature's read API: statement builders sent in the authorize batch. The battle map and the
// admin calendar/durations pages read through here too, and the parcel edit form its project picker.
export { projectNameChoiceQuery, projectNameChoicesQuery } from "./name-choices";

export type ProjectFilter = { category?: ProjectCategory; leader?: string; department?: string; town?: string };

/** The parcels' columns a schedule needs: state and the date each step was reached (the as-of representation). */
const parcelFacts = {
  id: parcels.id,
  projectId: parcels.projectId,
  code: parcels.code,
  name: parcels.name,
  town: parcels.town,
  state: parcels.state,
  areaM2: parcels.areaM2,
  version: parcels.version,
  approvedOn: parcels.approvedOn,
  acquiredOn: parcels.acquiredOn,
  suppliedOn: parcels.suppliedOn,
  startedOn: parcels.startedOn,
  completedOn: parcels.completedOn,
  withdrawnOn: parcels.withdrawnOn,
};
export type ParcelFactRow = { [K in keyof typeof parcelFacts]: (typeof parcels.$inferSelect)[K] };

/** What a schedule needs of a parcel: its project and the dates it reached each step (the list reads only these). */
const parcelDates = {
  projectId: parcels.projectId,
  approvedOn: parcels.approvedOn,
  acquiredOn: parcels.acquiredOn,
  suppliedOn: parcels.suppliedOn,
  startedOn: parcels.startedOn,
  completedOn: parcels.completedOn,
  withdrawnOn: parcels.withdrawnOn,
};
export type ParcelDatesRow = { [K in keyof typeof parcelDates]: (typeof parcels.$inferSelect)[K] };

// A district keeps hundreds of projects, not thousands; one read shows them all (the battle map needs all).
export const PROJECT_LIST_MAX = 2000;

/** Projects matching the filters, newest first (the page orders them by risk once their schedules are known). */
export function projectListQuery(db: Db, f: ProjectFilter) {
  const where: SQL[] = [];
  if (f.category) where.push(eq(projects.category, f.category));
  if (f.leader) where.push(eq(projects.leader, f.leader));
  if (f.department) where.push(eq(projects.department, f.department));
  if (f.town) where.push(eq(projects.town, f.town));
  return db
    .select()
    .from(projects)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(projects.id))
    .limit(PROJECT_LIST_MAX);
}

/** The projects whose ids the subquery `ids` gives (by primary key), newest first. */
export const projectsInQuery = (db: Db, ids: SQLWrapper) =>
  db.select().from(projects).where(inArray(projects.id, ids)).orderBy(desc(projects.id)).limit(PROJECT_LIST_MAX);

export const projectQuery = (db: Db, id: number) => db.select().from(projects).where(eq(projects.id, id)).limit(1);

/** The filter choices: leaders, departments and towns in use (one small read of the projects table). */
export const projectChoicesQuery = (db: Db) =>
  db
    .selectDistinct({ leader: projects.leader, department: projects.department, town: projects.town })
    .from(projects)
    .limit(PROJECT_LIST_MAX);

/** One project's parcels (index parcels (project_id)). */
export const projectParcelsQuery = (db: Db, projectId: number) =>
  db.select(parcelFacts).from(parcels).where(eq(parcels.projectId, projectId)).orderBy(asc(parcels.id));

/** Every parcel in some project, by the same index (project_id > 0 is a range on it, never a scan): dates only. */
export const allProjectParcelsQuery = (db: Db) => db.select(parcelDates).from(parcels).where(gt(parcels.projectId, 0));

/** The parcels of the projects whose ids `ids` gives, one parcels_project_idx range each: dates only. */
export const parcelsOfProjectsQuery = (db: Db, ids: SQLWrapper) =>
  db.select(parcelDates).from(parcels).where(inArray(parcels.projectId, ids));

export const parcelByCodeQuery = (db: Db, code: string) =>
  db.select(parcelFacts).from(parcels).where(eq(parcels.code, code)).limit(1);

export const parcelByIdQuery = (db: Db, id: number) =>
  db.select(parcelFacts).from(parcels).where(eq(parcels.id, id)).limit(1);

export const problemsQuery = (db: Db, projectId: number) =>
  db.select().from(problems).where(eq(problems.projectId, projectId)).orderBy(asc(problems.id));

export const problemQuery = (db: Db, id: number) => db.select().from(problems).where(eq(problems.id, id)).limit(1);

/** Open problems of every project (index problems (status, project_id)). */
export const openProblemsQuery = (db: Db) => db.select().from(problems).where(eq(problems.status, "open"));

/** Open problems of the projects whose ids `ids` gives (index problems (status, project_id)). */
export const openProblemsOfQuery = (db: Db, ids: SQLWrapper) =>
  db
    .select()
    .from(problems)
    .where(and(eq(problems.status, "open"), inArray(problems.projectId, ids)));

export const problemEventsQuery = (db: Db, projectId: number) =>
  db.select().from(problemEvents).where(eq(problemEvents.projectId, projectId)).orderBy(desc(problemEvents.id));

export const projectEventsQuery = (db: Db, projectId: number) =>
  db.select().from(projectEvents).where(eq(projectEvents.projectId, projectId)).orderBy(asc(projectEvents.id));

/** The admin-entered calendar years (a handful of rows). */
export const calendarYearsQuery = (db: Db) => db.select().from(calendarYears).orderBy(asc(calendarYears.year));
export const calendarChangesQuery = (db: Db) =>
  db.select().from(calendarChanges).orderBy(desc(calendarChanges.id)).limit(100);

export const durationsQuery = (db: Db) => db.select().from(milestoneDurations);
export const durationChangesQuery = (db: Db) =>
  db.select().from(durationChanges).orderBy(desc(durationChanges.id)).limit(100);

type ChoiceRows = Awaited<ReturnType<typeof projectChoicesQuery>>;
/** The filters' choices: the distinct leaders, departments and towns in use, sorted. */
export function choicesOf(rows: ChoiceRows): { leaders: string[]; departments: string[]; towns: string[] } {
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
  return {
    leaders: uniq(rows.map((r) => r.leader)),
    departments: uniq(rows.map((r) => r.department)),
    towns: uniq(rows.map((r) => r.town)),
  };
}

// The read API other features (the battle map, the weekly review) use: schedules worked out from these rows.
export { listOf, listReads, listReadsOf, pageOf, type ListItem, type Paged, type StatusCounts } from "./list";
export { parseProjectQuery, PROJECT_PAGE_SIZE, PROJECT_STATUSES, type ProjectStatus } from "./list-query";
export { projectSummaryJson, problemJson } from "./json";
export { calendarOf, durationsOf, type Schedule } from "./schedule";
export { readProjectList } from "./list-read";
