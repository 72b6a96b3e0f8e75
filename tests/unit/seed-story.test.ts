import { describe, expect, it } from "vitest";
import { addYears } from "../../src/domain/dates";
import { idleStatus } from "../../src/domain/idle-land";
import { lapseLevel } from "../../src/domain/lapse";
import { DEMO_DEFAULTS, generateSeed } from "../../scripts/seed/generate";

// Issue 9 item 8: with any anchor the district is a live one on that day. The domain's own rules
// (idle-land.ts, lapse.ts) are the oracle for which parcel is at which level.
const make = (anchor: string) => generateSeed({ ...DEMO_DEFAULTS, anchor, passwordHash: "test-hash" });

// The last complete January–June on or before the anchor, worked out by hand:
// 2026-12-04 is after 30 June 2026 → 2026; on 2026-05-01 the 2026 half-year is not over → 2025;
// 2023-06-30 (the default) is the half-year's last day → 2023.
const CASES = [
  // line: the straight line to 1,800 亩 on the anchor = 1800 × (day of the year) ÷ days in the year.
  { anchor: "2026-12-04", half: "2026", line: 1666.85 }, // 1800 × 338 ÷ 365
  { anchor: "2026-05-01", half: "2025", line: 596.71 }, // 1800 × 121 ÷ 365
  { anchor: "2023-06-30", half: "2023", line: 892.6 }, // 1800 × 181 ÷ 365
] as const;

describe.each(CASES)("the demo district on $anchor", ({ anchor, half, line }) => {
  const data = make(anchor);
  const year = Number(anchor.slice(0, 4));

  it(`has the work summary's six batches in ${half} H1, named after ${half}: two standalone, four linked`, () => {
    const h1 = data.batches.filter((b) => b.approvedOn && b.kind !== "urban");
    expect(h1.length).toBe(6);
    expect(h1.every((b) => b.approvedOn! >= `${half}-01-01` && b.approvedOn! <= `${half}-06-30`)).toBe(true);
    expect(h1.filter((b) => b.kind === "standalone").length).toBe(2);
    const linked = h1.filter((b) => b.kind === "linked").map((b) => b.name);
    expect(linked.map((n) => /第(\d)批次/.exec(n)?.[1])).toEqual(["1", "2", "3", "4"]);
    expect(linked.every((n) => n.startsWith(`南湖区${half}年度城乡建设用地增减挂钩第`))).toBe(true);
  });

  it("has urban batches of plan years back five years before the anchor's", () => {
    const labels = data.batches
      .filter((b) => b.kind === "urban" && b.approvedOn)
      .map((b) => Number(/^南湖区(\d{4})年度/.exec(b.name)![1]));
    expect(Math.min(...labels)).toBe(year - 5);
    expect(Math.max(...labels)).toBe(year - 1);
  });

  it("sets the anchor year's digestion target, 1,800 亩, by the admin, with its history row", () => {
    const admin = data.users.find((u) => u.role === "admin")!;
    // 1,800 亩 × 10,000/15 m² per 亩 = 1,200,000 m².
    const t = { year, digestionM2: 1_200_000, startRatePct: 100, completionRatePct: 90 };
    expect(data.targets).toEqual([expect.objectContaining({ ...t, updatedBy: admin.id, version: 1 })]);
    expect(data.targetHistory).toEqual([expect.objectContaining({ ...t, actorId: admin.id })]);
    expect(data.targets[0].updatedAt.slice(0, 10) <= anchor).toBe(true);
  });

  it("has digested a little less than the straight line to the target by the anchor (behind, but not hopeless)", () => {
    // Issue 9 item 2: the year-start stock is approved by 31 Dec of Y−1 and not out (supplied or withdrawn) by then.
    const yearEnd = `${year - 1}-12-31`;
    const out = (p: (typeof data.parcels)[number]) => [p.suppliedOn, p.withdrawnOn].filter((d) => d !== null).sort()[0];
    const digested = data.parcels.filter((p) => {
      const o = out(p);
      return p.approvedOn !== null && p.approvedOn <= yearEnd && o !== undefined && o > yearEnd && o <= anchor;
    });
    const mu = (digested.reduce((s, p) => s + p.areaM2, 0) * 15) / 10_000; // 1 亩 = 10,000/15 m²
    expect(mu).toBeLessThanOrEqual(line);
    expect(mu).toBeGreaterThan(line * 0.7);
  });

  it("has land in each early-warning group (7/30/90 days) and cases of idle_fee and recovery", () => {
    const status = data.parcels.map((p) => idleStatus(p, anchor)).filter((s) => s !== null);
    for (const group of [7, 30, 90])
      expect(status.filter((s) => s.warning === group).length, `${group}`).toBeGreaterThan(0);
    expect(status.filter((s) => s.level === "idle_fee").length).toBeGreaterThan(0);
    expect(status.filter((s) => s.level === "recovery").length).toBeGreaterThan(0);
    expect(status.filter((s) => s.level === "idle_fee" || s.level === "recovery").some((s) => s.feeWan !== null)).toBe(
      true,
    );
  });

  it("records two government-cause delays, the start in force and the original matching each event", () => {
    const delays = data.events.filter((e) => e.kind === "delay");
    expect(delays.length).toBe(2);
    for (const e of delays) {
      const d = JSON.parse(e.data) as { newAgreedStartOn: string; previousAgreedStartOn: string; cause: string };
      const p = data.parcels.find((x) => x.id === e.parcelId)!;
      expect(p.state).toBe("supplied");
      expect(p.agreedStartOn).toBe(d.newAgreedStartOn);
      expect(p.originalAgreedStartOn).toBe(d.previousAgreedStartOn);
      expect(d.newAgreedStartOn > d.previousAgreedStartOn).toBe(true);
      expect(d.newAgreedStartOn <= addYears(d.previousAgreedStartOn, 1)).toBe(true);
      expect(e.on >= p.suppliedOn! && e.on <= anchor).toBe(true);
      expect(d.cause.length).toBeGreaterThan(0);
    }
  });

  it("has approvals within 90 days of lapse and started parcels overdue for completion", () => {
    expect(data.parcels.filter((p) => lapseLevel(p, anchor) === "lapse_soon").length).toBeGreaterThan(0);
    const overdue = data.parcels.filter((p) => p.state === "started" && p.agreedCompletionOn! < anchor);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
  });

  it("dates nothing after the anchor", () => {
    const dates = [
      ...data.events.map((e) => e.on),
      ...data.events.map((e) => e.recordedAt.slice(0, 10)),
      ...data.batches.map((b) => b.approvedOn ?? ""),
      ...data.users.map((u) => u.createdAt.slice(0, 10)),
      ...data.targetHistory.map((h) => h.at.slice(0, 10)),
      ...data.parcels.flatMap((p) => [
        p.createdAt.slice(0, 10),
        p.lastMovedOn ?? "",
        p.approvedOn ?? "",
        p.acquiredOn ?? "",
        p.reservedOn ?? "",
        p.suppliedOn ?? "",
        p.startedOn ?? "",
        p.completedOn ?? "",
        p.withdrawnOn ?? "",
      ]),
    ];
    expect(dates.filter((d) => d > anchor)).toEqual([]);
  });

  it("is the same district for the same seed, anchor and size", () => {
    expect(make(anchor)).toEqual(data);
  });
});
