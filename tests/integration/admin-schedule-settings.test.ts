import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { call, count, session } from "../helpers";
import { one } from "../html";
import { byKey, createProject } from "../project-fixtures";
import { browser } from "./parcel-pages-helpers";

type Browser = Awaited<ReturnType<typeof browser>>;
let admin: Browser, lead: Awaited<ReturnType<typeof session>>, officer: Browser;
beforeAll(async () => {
  [admin, lead, officer] = await Promise.all([browser("admin"), session("lead"), browser("officer")]);
});
const version = async (m: string) =>
  (await env.DB.prepare("SELECT version FROM milestone_durations WHERE milestone = ?")
    .bind(m)
    .first<{ version: number }>())!.version;
const supplyOn = async (id: number) =>
  byKey((await (await lead.json("GET", `/api/v1/projects/${id}`)).json()) as never, "plannedOn").supply;

describe("/admin/durations", () => {
  it("edits a duration (logged); refuses bad input 422, a stale version 409, non-admins 403 — unchanged", async () => {
    const v = await version("supply");
    const body = { milestone: "supply", days: "10", unit: "working", note: "测试：10个工作日", version: String(v) };
    expect((await admin.post("/admin/durations", { ...body, days: "-1" })).status).toBe(422);
    expect((await admin.post("/admin/durations", { ...body, unit: "weeks" })).status).toBe(422);
    expect((await officer.post("/admin/durations", body)).status).toBe(403);
    expect((await admin.post("/admin/durations", { ...body, version: String(v + 1) })).status).toBe(409);
    expect(await count("duration_changes")).toBe(0);
    expect((await admin.post("/admin/durations", body)).status).toBe(303);
    expect(await count("milestone_durations", "milestone = 'supply' AND days = 10 AND unit = 'working'")).toBe(1);
    expect(await count("duration_changes", "milestone = 'supply'")).toBe(1);
    const page = await (await admin.get("/admin/durations")).text();
    expect((await one(page, "#dur-supply-days")).attrs.value).toBe("10");
  });
});

describe("/admin/calendar", () => {
  it("a 2027 holiday entered there changes a schedule crossing it, and the provisional notice goes", async () => {
    // Supply is now 10 working days (previous test). Target start Mon 15 Feb 2027.
    const p = await createProject(lead, { targetStartOn: "2027-02-15", targetCompletionOn: "2027-12-31" });
    // 2027 provisional (PRODUCT §12): 5 Feb (Fri) and 8 Feb (Mon) rest; the 补假 owed for Sat 6 / Sun 7 Feb
    // is assumed on Tue 9 and Wed 10 Feb (rest, counting a minimum). Back from 15 Feb: 12, 11 Feb (2),
    // 4, 3, 2, 1 Feb (6), 29, 28, 27, 26 Jan (10) → 2027-01-26.
    expect(await supplyOn(p.id)).toBe("2027-01-26");
    const html = await (await admin.get(`/projects/${p.id}`)).text();
    expect(html).toContain("2027 年的放假安排尚未公布");
    const post = (holidays: string) =>
      admin.post("/admin/calendar", { year: "2027", holidays, workdays: "", note: "国办发明电〔2026〕测试" });
    // Entered with only 1 Jan, 5 and 8 Feb as rest days: 12, 11, 10, 9 Feb (4), 4, 3, 2, 1 Feb (8), 29, 28 Jan (10).
    expect((await post("2027-01-01 2027-02-05 2027-02-08")).status).toBe(303);
    expect(await supplyOn(p.id)).toBe("2027-01-28");
    // Correction adds 9 Feb: 12, 11, 10 Feb (3), 4, 3, 2, 1 Feb (7), 29, 28, 27 Jan (10) → 2027-01-27.
    expect((await post("2027-01-01, 2027-02-05、2027-02-08 2027-02-09")).status).toBe(303);
    expect(await supplyOn(p.id)).toBe("2027-01-27");
    expect(await count("calendar_changes", "year = 2027")).toBe(2);
    const after = await (await admin.get(`/projects/${p.id}`)).text();
    expect(after).not.toContain("2027 年的放假安排尚未公布");
  });

  it("refuses dates outside the year, weekday make-up days, no note (422); non-admins 403; no session 303", async () => {
    const before = await count("calendar_changes");
    const base = { year: "2028", holidays: "2028-01-01", workdays: "", note: "x" };
    for (const over of [{ holidays: "2029-01-01" }, { workdays: "2028-01-04" }, { note: "" }, { year: "abc" }])
      expect((await admin.post("/admin/calendar", { ...base, ...over })).status).toBe(422);
    expect((await officer.post("/admin/calendar", base)).status).toBe(403);
    expect((await call("/admin/calendar", { redirect: "manual" })).status).toBe(303);
    expect(await count("calendar_changes")).toBe(before);
  });
});
