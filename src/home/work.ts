import { sql } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import type { SessionUser } from "../env";
import { addDays, addYears } from "../domain/dates";
import { agreedStartWindows, becameIdleCase, thisWeek } from "../domain/day-work";
import { warningGroup } from "../domain/idle-land";
import { lapseDate, lapseLevel } from "../domain/lapse";
import { lastFinishedWeek } from "../domain/review";
import { yearStatus } from "../domain/calendar";
import { approvedOnlyBetweenQuery } from "../digestion/queries";
import { agreedStartWindowsQuery } from "../idle-land/queries";
import { chainTotalsQuery, movesRecordedByQuery } from "../parcels/queries";
import { calendarOf, listOf, listReadsOf } from "../projects/queries";
import { headlineQuery } from "../reviews/queries";
import { targetQuery } from "../targets/queries";
import { activeLocksQuery, ownProjectIdsQuery, sessionHasRole } from "./queries";

// 今日工作 the day's work by role (issue 14 §5), each item a link to where it is done. Every role's reads go in
// the one batch with the session (the role is known only once it is read); each is bounded and indexed, and
// those that could read many rows are gated in SQL on the session's role, so they read none for the others.

export type WorkItem = { key: string; params: Record<string, string | number>; href: string };

export function homeReads(db: Db, today: string, now: string, sessionId: string) {
  const base = addYears(today, -2);
  const officer = sessionHasRole(sessionId, "officer");
  return [
    chainTotalsQuery(db),
    approvedOnlyBetweenQuery(db, today, addDays(base, -3), addDays(base, 93), officer),
    agreedStartWindowsQuery(db, today, agreedStartWindows(today), officer),
    // The latest 20 of them: the day's work, not a log (the parcel pages keep every move).
    movesRecordedByQuery(
      db,
      sql`(SELECT user_id FROM sessions WHERE id = ${sessionId})`,
      new Date(Date.parse(now) - 7 * 86_400_000).toISOString(),
      20,
      officer,
    ),
    // A lead's own projects only (none for another role): their schedules, not the whole district's.
    ...listReadsOf(db, ownProjectIdsQuery(db, sessionId)),
    // The viewer's headline: a few numbers out of last week's stored review (none for another role).
    headlineQuery(db, lastFinishedWeek(today), sessionHasRole(sessionId, "viewer")),
    targetQuery(db, Number(today.slice(0, 4))),
    activeLocksQuery(db, now),
  ] as const;
}

type R = BatchResponse<ReturnType<typeof homeReads>>;

/** The items for `user` on `today`: only those of the user's role. */
export function dayWork(user: SessionUser, today: string, r: R): WorkItem[] {
  const [, approvals, starts, moves, projects, pParcels, problems, cal, dur, [snapshot], [target], locks] = r;
  const items: WorkItem[] = [];
  if (user.role === "officer") {
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
  if (user.role === "lead") {
    // The reads hold only this lead's own projects (ownProjectIdsQuery) and their open problems.
    const { items: list } = listOf([projects, pParcels, problems, cal, dur], today);
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
  if (user.role === "viewer") {
    const week = lastFinishedWeek(today);
    items.push({
      key: snapshot ? "home.lastWeek" : "home.lastWeekLive",
      params: { week },
      href: `/reviews/weekly?week=${week}`,
    });
  }
  if (user.role === "admin") {
    const year = Number(today.slice(0, 4));
    if (!target) items.push({ key: "home.noTarget", params: { year }, href: "/admin/targets" });
    if (yearStatus(calendarOf(cal), year + 1) === "provisional")
      items.push({ key: "home.noCalendar", params: { year: year + 1 }, href: "/admin/calendar" });
    if (locks.length) items.push({ key: "home.locked", params: { n: locks.length }, href: "/admin/lockouts" });
  }
  return items;
}

/** The viewer's headline figures of last week, from its stored review (null until it is stored). */
export const headline = (r: R) => r[9][0] ?? null;
