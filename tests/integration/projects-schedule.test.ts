import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MOVE_BODY, parcelAt } from "../chain-fixtures";
import { session } from "../helpers";
import { byKey, createProject, type ProjectJson } from "../project-fixtures";

// The acceptance lines of issue 12 through the API; every expected date is worked out by hand in a comment.

type Client = Awaited<ReturnType<typeof session>>;
let lead: Client, officer: Client;
beforeAll(async () => {
  [lead, officer] = await Promise.all([session("lead"), session("officer")]);
});

async function project(id: number, asOf?: string): Promise<ProjectJson> {
  const res = await lead.json("GET", `/api/v1/projects/${id}${asOf ? `?asOf=${asOf}` : ""}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ProjectJson;
}

describe("backward schedules across 春节 2024 and 国庆 2023", () => {
  // Durations set for this file only: supply 11 working days, acquisition 90 calendar days,
  // approval 25 working days, siting 60 calendar days.
  beforeAll(async () => {
    await env.DB.batch([
      env.DB.prepare("UPDATE milestone_durations SET days = 11, unit = 'working' WHERE milestone = 'supply'"),
      env.DB.prepare("UPDATE milestone_durations SET days = 25, unit = 'working' WHERE milestone = 'approval'"),
    ]);
  });
  afterAll(async () => {
    await env.DB.batch([
      env.DB.prepare("UPDATE milestone_durations SET days = 30, unit = 'calendar' WHERE milestone = 'supply'"),
      env.DB.prepare("UPDATE milestone_durations SET days = 90, unit = 'calendar' WHERE milestone = 'approval'"),
    ]);
  });

  it("lands on the hand-worked dates for working-day and calendar-day segments", async () => {
    const p = await createProject(lead, { targetStartOn: "2024-02-23", targetCompletionOn: "2025-12-31" });
    // supply = 11 working days before Fri 23 Feb 2024: 22, 21, 20, 19 Feb (4), Sun 18 Feb 调休 (5),
    //   10–17 Feb 春节 skipped, 9, 8, 7, 6, 5 Feb (10), Sun 4 Feb 调休 (11) → 2024-02-04.
    // acquisition = 4 Feb − 90 calendar days: → 4 Jan (31), → 4 Dec (62), → 4 Nov (92), so 6 Nov 2023.
    // approval = 25 working days before Mon 6 Nov 2023: 3, 2, 1 Nov, 31, 30 Oct (5), 27–23 Oct (10),
    //   20–16 Oct (15), 13–9 Oct (20), Sun 8 Oct 调休 (21), Sat 7 Oct 调休 (22), 29 Sep–6 Oct 国庆 skipped,
    //   28, 27, 26 Sep (25) → 2023-09-26.
    // siting = 26 Sep − 60 calendar days (holidays count): → 26 Aug (31), → 26 Jul (62), so 28 Jul 2023.
    expect(byKey(p, "plannedOn")).toEqual({
      siting: "2023-07-28",
      approval: "2023-09-26",
      acquisition: "2023-11-06",
      supply: "2024-02-04",
      start: "2024-02-23",
      completion: "2025-12-31",
    });
  });
});

describe("status at the boundaries", () => {
  // Defaults: supply's latest date for a 1 Mar 2024 start is 31 Jan 2024 (30 calendar days earlier).
  // Working days back from Wed 31 Jan: 30, 29, 26, 25, 24, 23, 22, 19, 18, 17 Jan are the 1st…10th, 16 Jan the 11th.
  const cases: [string, string, number | null][] = [
    ["2024-01-16", "on_track", 11],
    ["2024-01-17", "at_risk", 10],
    ["2024-01-31", "at_risk", 0],
    ["2024-02-01", "overdue", -1],
  ];
  for (const [asOf, status, slack] of cases)
    it(`supply is ${status} on ${asOf} (slack ${slack})`, async () => {
      const p = await createProject(lead);
      const s = (await project(p.id, asOf)).milestones.find((m) => m.key === "supply")!;
      expect(s.status).toBe(status);
      expect(s.slackDays).toBe(slack);
    });

  it("an open blocking problem past its due date lifts on_track to at_risk", async () => {
    const p = await createProject(lead);
    const body = { text: "青苗未清", milestone: "supply", unit: "余新镇", owner: "赵", dueOn: "2024-01-10" };
    expect((await lead.json("POST", `/api/v1/projects/${p.id}/problems`, body)).status).toBe(201);
    // 16 Jan: 11 working days of slack (on_track alone), but the problem fell due on 10 Jan.
    expect((await project(p.id, "2024-01-16")).milestones.find((m) => m.key === "supply")!.status).toBe("at_risk");
    // On its due date it is not yet past due: 10 Jan has (10 Jan, 31 Jan] = 15 working days → on_track.
    expect((await project(p.id, "2024-01-10")).milestones.find((m) => m.key === "supply")!.status).toBe("on_track");
  });
});

describe("actual dates from the parcels", () => {
  const join = async (projectId: number, parcel: { id: number; version: number }) => {
    const res = await officer.json("PATCH", `/api/v1/parcels/${parcel.id}`, {
      projectId,
      version: parcel.version,
      reason: "纳入项目",
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { id: number; version: number };
  };

  it("is done only when all non-withdrawn parcels reached it, on the last one's date; a correction undoes it", async () => {
    const p = await createProject(lead);
    // parcelAt dates: approved 2023-01-10, acquired 2023-02-10.
    await join(p.id, await parcelAt(officer, "acquired"));
    let b = await join(p.id, await parcelAt(officer, "approved"));
    let c = await join(p.id, await parcelAt(officer, "approved"));
    const wd = await officer.json("POST", `/api/v1/parcels/${c.id}/moves`, {
      to: "withdrawn",
      date: "2023-02-01",
      version: c.version,
      ...MOVE_BODY.withdrawn,
    });
    expect(wd.status).toBe(200);
    c = (await wd.json()) as typeof c;
    // All three approved on 10 Jan; C withdrawn on 1 Feb, so it no longer counts after that.
    expect(byKey(await project(p.id), "actualOn")).toMatchObject({ approval: "2023-01-10", acquisition: null });
    const mv = await officer.json("POST", `/api/v1/parcels/${b.id}/moves`, {
      to: "acquired",
      date: "2023-03-20",
      version: b.version,
      ...MOVE_BODY.acquired,
    });
    expect(mv.status).toBe(200);
    b = (await mv.json()) as typeof b;
    // A acquired 10 Feb, B 20 Mar, C withdrawn: done on the later, 20 Mar.
    expect(byKey(await project(p.id), "actualOn").acquisition).toBe("2023-03-20");
    expect(byKey(await project(p.id), "status").acquisition).toBe("done");
    // As of 31 Jan, C was not yet withdrawn and had not been acquired: acquisition not done then.
    expect(byKey(await project(p.id, "2023-01-31"), "actualOn").acquisition).toBe(null);
    const fix = await officer.json("POST", `/api/v1/parcels/${b.id}/corrections`, {
      version: b.version,
      reason: "征收日期录错",
    });
    expect(fix.status).toBe(200);
    expect(byKey(await project(p.id), "actualOn").acquisition).toBe(null);
  });

  it("a project without parcels has nothing done after siting", async () => {
    const p = await createProject(lead, { sitingDocNo: "用字第330402202300012号", sitingOn: "2023-05-20" });
    const a = byKey(await project(p.id), "actualOn");
    expect(a).toEqual({
      siting: "2023-05-20",
      approval: null,
      acquisition: null,
      supply: null,
      start: null,
      completion: null,
    });
  });
});
