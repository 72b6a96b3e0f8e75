import { beforeAll, describe, expect, it } from "vitest";
import { count } from "../helpers";
import { select } from "../html";
import { buildFixture, clientAs, WEEK, type Client } from "../review-fixtures";

// Issue 14's acceptance fixture: every section of 2034-W10 with the figures worked out by hand from the
// parcels in tests/review-fixtures.ts (areas in units of 3.00 亩). Read on Wednesday of the week after.
const TODAY = "2034-03-15";
let admin: Client;
let viewer: Client;
let review: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
  expect(await count("parcels")).toBe(0);
  admin = (await clientAs("admin", TODAY)).json;
  await buildFixture(admin);
  viewer = (await clientAs("viewer", TODAY)).json;
  const r = await viewer("GET", `/api/v1/reviews/weekly?week=${WEEK}`);
  expect(r.status).toBe(200);
  review = await r.json();
});

describe("weekly review of the fixture week 2034-W10", () => {
  it("names the week Monday to Sunday, computed live (nothing stored yet)", () => {
    expect([review.week, review.startOn, review.endOn, review.source]).toEqual([
      WEEK,
      "2034-03-06",
      "2034-03-12",
      "live",
    ]);
  });

  it("counts the chain at Sunday's end and the change on the Sunday before", () => {
    // End (03-12): A acquired; B, G supplied; C withdrawn; D, H approved (H's acquisition corrected); E started;
    // F planned (registered 03-08). Before (03-05): A, D, H approved; B acquired; C withdrawn (its late entry
    // is dated 02-20); E, G supplied; F not registered yet.
    const rows = review.states.map((s: any) => [s.state, s.count, s.areaMu, s.deltaCount, s.deltaAreaMu]);
    expect(rows).toEqual([
      ["planned", 1, 3, 1, 3], // F 1u; before none
      ["approved", 2, 9, -1, -6], // D 2u + H 1u = 3u; before A+D+H = 5u
      ["acquired", 1, 6, 0, 3], // A 2u; before B 1u
      ["reserved", 0, 0, 0, 0],
      ["supplied", 2, 9, 0, 0], // B 1u + G 2u; before E 1u + G 2u
      ["started", 1, 3, 1, 3], // E
      ["completed", 0, 0, 0, 0],
      ["withdrawn", 1, 9, 0, 0], // C 3u both weeks
    ]);
    // 8 parcels registered by the end, 7 by the Sunday before.
    expect(review.states.reduce((a: number, s: any) => a + s.count, 0)).toBe(8);
  });

  it("lists the week's moves by date, then the late entry; the corrected move is gone, the correction listed", () => {
    expect(review.moves.map((m: any) => [m.to, m.on, m.recordedOn, m.areaMu, m.late])).toEqual([
      ["acquired", "2034-03-07", "2034-03-07", 6, false], // A
      ["supplied", "2034-03-08", "2034-03-08", 3, false], // B
      ["started", "2034-03-10", "2034-03-10", 3, false], // E
      ["withdrawn", "2034-02-20", "2034-03-09", 9, true], // C, recorded in the week for February
    ]);
    const by = Object.fromEntries(review.movesByState.map((m: any) => [m.to, [m.count, m.areaMu]]));
    expect(by).toEqual({
      approved: [0, 0],
      acquired: [1, 6],
      reserved: [0, 0],
      supplied: [1, 3],
      started: [1, 3],
      completed: [0, 0],
      withdrawn: [0, 0], // C's withdrawal is dated before the week
    });
    expect(review.corrections.map((c: any) => [c.undoneTo, c.undoneOn, c.backTo, c.recordedOn, c.reason])).toEqual([
      ["acquired", "2034-03-06", "approved", "2034-03-10", "公告号录错"],
    ]);
  });

  it("gives digestion year to date against the target and the share of the year gone", () => {
    const d = review.digestion;
    // Year-start stock (31 Dec 2033): A 2u, B 1u, C 3u, D 2u, H 1u = 9u = 27 亩 in 5 parcels.
    expect([d.stockAtYearStart.count, d.stockAtYearStart.areaMu]).toEqual([5, 27]);
    // Digested by 03-12: B supplied 03-08 (1u), C withdrawn 02-20 (3u) = 4u = 12 亩.
    expect([d.digested.count, d.digested.areaMu, d.target.areaMu]).toEqual([2, 12, 120]);
    expect(d.progress).toBeCloseTo(12 / 120, 10);
    // 12 March is day 31 + 28 + 12 = 71 of 365.
    expect(d.yearShareGone).toBeCloseTo(71 / 365, 10);
  });

  it("gives start and completion rates for the period to Sunday against 100% / 90%", () => {
    // Due to start by 03-12: E (agreed 2033-09-01, started 03-10) and G (2033-12-01, not started); B's 04-01 not yet.
    expect(review.rates.start).toMatchObject({
      dueCount: 2,
      doneCount: 1,
      dueAreaMu: 9,
      doneAreaMu: 3,
      countRate: 0.5,
      targetPct: 100,
    });
    // No agreed completion falls by 03-12 (E 2034-09-01, G 2034-12-01, B 2035-04-01).
    expect(review.rates.completion).toMatchObject({ dueCount: 0, doneCount: 0, countRate: null, targetPct: 90 });
  });

  it("shows the project that turned at risk when its problem's due date passed, nothing overdue or recovered", () => {
    // Its problem is due Wednesday 03-08: on 03-05 not yet past (on track), on 03-12 past (at risk).
    expect(review.projects.atRisk.map((p: any) => [p.name, p.statusBefore, p.status])).toEqual([
      ["周报测试项目", "on_track", "at_risk"],
    ]);
    expect([review.projects.overdue, review.projects.recovered]).toEqual([[], []]);
  });

  it("lists open problems by responsible unit, the unit with an overdue one first", () => {
    expect(
      review.problems.openByUnit.map((u: any) => [u.unit, u.count, u.overdueCount, u.items.map((p: any) => p.dueOn)]),
    ).toEqual([
      ["凤桥镇人民政府", 1, 1, ["2034-03-08"]],
      ["区财政局", 1, 0, ["2034-04-30"]],
    ]);
  });

  it("warns of idle-land thresholds in the next 30 days and approvals within 90 days of lapse", () => {
    // B: agreed start 04-01 is 20 days after 03-12 (due soon → overdue); G's next threshold is 2034-12-01.
    expect(review.idleLand.warnings.map((w: any) => [w.level, w.nextLevel, w.nextOn, w.daysToNext, w.areaMu])).toEqual([
      ["due_soon", "overdue", "2034-04-01", 20, 3],
    ]);
    // D approved 2032-04-01 and never acquired: lapses 2034-04-02, 21 days after 03-12 (warned from 2034-01-01).
    expect(review.idleLand.lapsing.map((l: any) => [l.approvedOn, l.lapseOn, l.daysLeft, l.areaMu])).toEqual([
      ["2032-04-01", "2034-04-02", 21, 6],
    ]);
  });

  it("ranks towns by digestion and by start rate with the change in rank on last week", () => {
    // Digested 2034 by 03-12: 大桥 9 (C), 余新 3 (B), 凤桥 0, 新丰 0 → ranks 1, 2, 3, 3; by 03-05: 大桥 9, others 0
    // → 1, 2, 2, 2. Start rate by 03-12: 新丰 1/1, 凤桥 0/1 (G), 大桥 and 余新 none due → 1, 2, —, —; by 03-05:
    // 新丰 0/1 (E not started yet), 凤桥 0/1 → 1, 1.
    expect(
      review.ranking.map((t: any) => [
        t.town,
        t.digestedMu,
        t.digestRank,
        t.digestRankChange,
        t.startRate,
        t.startRank,
        t.startRankChange,
      ]),
    ).toEqual([
      ["大桥镇", 9, 1, 0, null, null, null],
      ["余新镇", 3, 2, 0, null, null, null],
      ["凤桥镇", 0, 3, -1, 0, 2, -1],
      ["新丰镇", 0, 3, -1, 1, 1, 0],
    ]);
  });

  it("the page shows the same figures in its tables, with both charts", async () => {
    const r = await viewer("GET", `/reviews/weekly?week=${WEEK}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    const cells = async (id: string) => (await select(html, `#rev-${id} tbody td`)).map((e) => e.text);
    expect((await cells("chain")).slice(0, 7)).toEqual(["拟报批", "1", "3.00", "0", "0.00", "1", "3.00"]);
    expect((await cells("ranking")).slice(0, 9)).toEqual(["大桥镇", "9.00", "1", "0", "0", "0", "—", "—", "—"]);
    expect(await select(html, 'svg[role="img"]')).toHaveLength(2);
    expect((await select(html, 'a[rel="prev"]'))[0].attrs.href).toBe("/reviews/weekly?week=2034-W09");
  });

  it("defaults to the last finished week and refuses a bad or future week with a 400 in Chinese", async () => {
    const d = await viewer("GET", "/api/v1/reviews/weekly");
    expect(((await d.json()) as { week: string }).week).toBe(WEEK);
    for (const bad of ["2034-W53", "2034-13", "x", "2034-W12", "1999-W01"]) {
      const r = await viewer("GET", `/api/v1/reviews/weekly?week=${bad}`);
      expect(r.status, bad).toBe(400);
      const body = (await r.json()) as { error: string; message: string };
      expect(body.error).toBe("bad_week");
      expect(body.message).toContain("周次");
      expect((await viewer("GET", `/reviews/weekly?week=${bad}`)).status).toBe(400);
    }
  });
});
