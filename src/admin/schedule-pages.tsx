import { Hono, type Context } from "hono";
import type { Db } from "../db/client";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { compact, fieldErrors, number, readForm, text, type FormValues } from "../http/form";
import {
  calendarChangesQuery,
  calendarYearsQuery,
  durationChangesQuery,
  durationsQuery,
  durationsOf,
} from "../projects/queries";
import { saveCalendarYear, saveDuration } from "./schedule-writes";
import { emptyForm, type FormScope } from "../../views/components/field";
import { pageCtx } from "../../views/page-context";
import { CalendarPage } from "../../views/admin/calendar-page";
import { DurationsPage } from "../../views/admin/durations-page";

const calendarReads = (db: Db) => [calendarYearsQuery(db), calendarChangesQuery(db)] as const;
const durationReads = (db: Db) => [durationsQuery(db), durationChangesQuery(db)] as const;

const calendarBody = (f: FormValues) =>
  compact({ year: number(f.year), holidays: f.holidays ?? "", workdays: f.workdays ?? "", note: text(f.note) });
const durationBody = (f: FormValues) =>
  compact({
    milestone: text(f.milestone),
    days: number(f.days),
    unit: text(f.unit),
    note: text(f.note),
    version: number(f.version),
  });

async function showCalendar(c: Context<AppEnv>, f: FormScope, status: 200 | 422 = 200) {
  const {
    results: [years, changes],
  } = await authorize(c, calendarReads);
  return c.html(<CalendarPage ctx={pageCtx(c)} years={years} changes={changes} f={f} />, status);
}

// 工作日历 and 标准工期 settings, admins only (ROUTE_POLICY); every change logged with who and when.
export const adminSchedulePages = new Hono<AppEnv>()
  .get("/calendar", (c) => showCalendar(c, emptyForm("cal")))
  .post("/calendar", async (c) => {
    const {
      user,
      db,
      results: [years, changes],
    } = await authorize(c, calendarReads);
    const values = await readForm(c);
    const r = await saveCalendarYear(db, calendarBody(values), actorOf(c, user));
    if (r.ok) return c.redirect("/admin/calendar", 303);
    const errors = fieldErrors(c.get("lang"), r.issues ?? [], ["year", "holidays", "workdays", "note"]);
    const f = { id: "cal", values, errors };
    return c.html(<CalendarPage ctx={pageCtx(c)} years={years} changes={changes} f={f} />, 422);
  })
  .get("/durations", async (c) => {
    const {
      results: [rows, changes],
    } = await authorize(c, durationReads);
    return c.html(<DurationsPage ctx={pageCtx(c)} rows={rows} durations={durationsOf(rows)} changes={changes} />);
  })
  .post("/durations", async (c) => {
    const {
      user,
      db,
      results: [rows, changes],
    } = await authorize(c, durationReads);
    const values = await readForm(c);
    const r = await saveDuration(db, durationBody(values), actorOf(c, user));
    if (r.ok) return c.redirect("/admin/durations", 303);
    const errors = fieldErrors(c.get("lang"), r.issues ?? [], ["days", "unit", "note"]);
    const failed = { milestone: values.milestone ?? "", f: { id: "dur", values, errors }, conflict: r.status === 409 };
    return c.html(
      <DurationsPage ctx={pageCtx(c)} rows={rows} durations={durationsOf(rows)} changes={changes} failed={failed} />,
      r.status,
    );
  });
