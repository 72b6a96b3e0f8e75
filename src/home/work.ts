import { sql } from "drizzle-orm";
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import type { Role } from "../env";
import { addDays, addYears } from "../domain/dates";
import { agreedStartWindows, becameIdleCase, thisWeek } from "../domain/day-work";
import { warningGroup } from "../domain/idle-land";
import { lapseDate, lapseLevel } from "../domain/lapse";
import { lastFinishedWeek } from "../domain/review";
import { yearStatus } from "../domain/calendar";
import { approvedOnlyBetweenQuery } from "../digestion/queries";
import { agreedStartWindowsQuery } from "../idle-land/queries";
import { chainTotalsQuery, movesRecordedByQuery } from "../parcels/queries";
import { calendarOf, calendarYearsQuery, listOf, listReadsOf } from "../projects/queries";
import { headlineQuery } from "../reviews/queries";
import { targetQuery } from "../targets/queries";
import { activeLocksQuery, ownProjectIdsQuery, sessionHasRole } from "./queries";

// 今日工作 the day's work by role (issue 14 §5), each item a link to where it is done. The page reads with the
// session in one batch, so its role is not known when the reads are chosen: they are chosen by the role the
// browser's hint cookie names (http/cookies.ts), or every role's when there is none. The hint is never trusted:
// the role is the session's, read in the same batch; a hint that named another role costs a second round trip
// for the right reads (roleReads). Those that could read many rows are also gated in SQL on the session's role
// (db/gate.ts), so without a hint they read no row for the other roles.

export type WorkItem = { key: string; params: Record<string, string | number>; href: string };
type Ask = { today: string; now: string; sessionId: string };

export const ROLES: readonly Role[] = ["officer", "lead", "viewer", "admin"];

/** Each role's own reads for its day's work. */
const roleReads = {
  officer: (db: Db, a: Ask) => {
    const base = addYears(a.today, -2);
    const officer = sessionHasRole(a.sessionId, "officer");
    return [
      approvedOnlyBetweenQuery(db, a.today, addDays(base, -3), addDays(base, 93), officer),
      agreedStartWindowsQuery(db, a.today, agreedStartWindows(a.today), officer),
      // The latest 20 of them: the day's work, not a log (the parcel pages keep every move).
      movesRecordedByQuery(
        db,
        sql`(SELECT user_id FROM sessions WHERE id = ${a.sessionId})`,
        new Date(Date.parse(a.now) - 7 * 86_400_000).toISOString(),
        20,
        officer,
      ),
    ] as const;
  },
  // A lead's own projects only (none for another role): their schedules, not the whole district's.
  lead: (db: Db, a: Ask) => listReadsOf(db, ownProjectIdsQuery(db, a.sessionId)),
  // The viewer's headline: a few numbers out of last week's stored review (none for another role).
  viewer: (db: Db, a: Ask) =>
    [headlineQuery(db, lastFinishedWeek(a.today), sessionHasRole(a.sessionId, "viewer"))] as const,
  admin: (db: Db, a: Ask) =>
    [targetQuery(db, Number(a.today.slice(0, 4))), calendarYearsQuery(db), activeLocksQuery(db, a.now)] as const,
} satisfies Record<Role, (db: Db, a: Ask) => readonly BatchItem<"sqlite">[]>;

type RoleResults = { [R in Role]: BatchResponse<ReturnType<(typeof roleReads)[R]>> };
/** One role's results, tagged with the role. */
export type OwnResults = { [R in Role]: { role: R; results: RoleResults[R] } }[Role];

/** The page's reads for `roles`: the chain strip, then each role's own, in the order of `roles`. */
export const homeReads = (db: Db, a: Ask, roles: readonly Role[]) =>
  [chainTotalsQuery(db), ...roles.flatMap((r): readonly BatchItem<"sqlite">[] => roleReads[r](db, a))] as [
    ReturnType<typeof chainTotalsQuery>,
    ...BatchItem<"sqlite">[],
  ];

/** `role`'s results out of those of homeReads(db, a, roles) after the chain strip; null when `roles` lacks it. */
export function ownResults(db: Db, a: Ask, roles: readonly Role[], rest: readonly unknown[], role: Role) {
  let at = 0;
  for (const r of roles) {
    const n = roleReads[r](db, a).length;
    if (r === role) return { role, results: rest.slice(at, at + n) } as unknown as OwnResults;
    at += n;
  }
  return null;
}

/** `role`'s reads on their own: the second round trip when the hint named another role. */
export async function readOwn(db: Db, a: Ask, role: Role): Promise<OwnResults> {
  const [first, ...more] = roleReads[role](db, a);
  return { role, results: await db.batch([first, ...more]) } as OwnResults;
}

/** The items of the day's work on `today` for the role whose results `own` holds. */
export function dayWork(own: OwnResults, today: string): WorkItem[] {
  const items: WorkItem[] = [];
  if (own.role === "officer") {
    const [approvals, starts, moves] = own.results;
    for (const p of approvals)
      if (lapseLevel({ state: "approved", approvedOn: p.approvedOn }, today) === "lapse_soon")
        items.push({
          key: "home.lapse",
          params: { code: p.code, on: lapseDate(p.approvedOn) },
          href: `/parcels/${p.id}`,
        });
    // Supply order, oldest first: the read hands the few rows over in no set order.
    for (const p of [...starts].sort((a, b) => a.suppliedOn.localeCompare(b.suppliedOn) || a.id - b.id)) {
      const days = p.agreedStartOn ? warningGroup(p.agreedStartOn, today) : null;
      if (days !== null)
        items.push({
          key: "home.startSoon",
          params: { code: p.code, on: p.agreedStartOn!, days },
          href: `/parcels/${p.id}`,
        });
      const idle = p.agreedStartOn ? becameIdleCase(p.agreedStartOn, today) : null;
      if (idle) items.push({ key: `home.became.${idle}`, params: { code: p.code }, href: `/parcels/${p.id}` });
    }
    for (const m of moves)
      items.push({
        key: "home.myMove",
        params: { code: m.code, to: m.toState ?? "", on: m.on },
        href: `/parcels/${m.parcelId}`,
      });
  }
  if (own.role === "lead") {
    // The reads hold only this lead's own projects (ownProjectIdsQuery) and their open problems.
    const problems = own.results[2];
    const { items: list } = listOf(own.results, today);
    for (const i of list)
      if (i.schedule.status === "overdue" || i.schedule.status === "at_risk")
        items.push({
          key: `home.project.${i.schedule.status}`,
          params: { name: i.project.name },
          href: `/projects/${i.project.id}`,
        });
    const week = thisWeek(today);
    for (const p of problems)
      if (p.status === "open" && p.dueOn !== null && p.dueOn >= week.from && p.dueOn <= week.to)
        items.push({ key: "home.problemDue", params: { text: p.text, on: p.dueOn }, href: `/projects/${p.projectId}` });
  }
  if (own.role === "viewer") {
    const [[snapshot]] = own.results;
    const week = lastFinishedWeek(today);
    items.push({
      key: snapshot ? "home.lastWeek" : "home.lastWeekLive",
      params: { week },
      href: `/reviews/weekly?week=${week}`,
    });
  }
  if (own.role === "admin") {
    const [[target], cal, locks] = own.results;
    const year = Number(today.slice(0, 4));
    if (!target) items.push({ key: "home.noTarget", params: { year }, href: "/admin/targets" });
    if (yearStatus(calendarOf(cal), year + 1) === "provisional")
      items.push({ key: "home.noCalendar", params: { year: year + 1 }, href: "/admin/calendar" });
    if (locks.length) items.push({ key: "home.locked", params: { n: locks.length }, href: "/admin/lockouts" });
  }
  return items;
}

/** The viewer's headline figures of last week, from its stored review (null until it is stored; null for others). */
export const headline = (own: OwnResults) => (own.role === "viewer" ? (own.results[0][0] ?? null) : null);
