import { describe, expect, it } from "vitest";
import { replayAsOf, type Registration } from "../../src/domain/as-of";
import type { State } from "../../src/domain/chain";
import { muRounded } from "../../src/domain/area";
import { progress, remainingToTarget } from "../../src/domain/burn-down";
import {
  ageBucket,
  digestedIn,
  rankByArea,
  stockAtYearStart,
  stockByAge,
  stockByBatch,
  stockByTown,
  stockOn,
  tally,
  workList,
  type DigestionFacts,
} from "../../src/domain/digestion";
import { history, supply, type Step } from "./history";

// A district over 2021–2023, built from event histories (corrections included) and read as of D.
// Each step is "<state> <date>", "correct <date>", or "registered-reserved <date>" for a registration
// straight into the reserve.
type Fixture = { code: string; town: string; batchId: number | null; areaM2: number; reg: Registration; steps: Step[] };
const S = supply("2024-01-01", "2026-01-01", 100);
function parcel(code: string, town: string, batchId: number | null, areaM2: number, ...steps: string[]): Fixture {
  let reg: Registration = { state: "planned" };
  const parsed: Step[] = [];
  for (const step of steps) {
    const [what, on] = step.split(" ");
    if (what === "registered-reserved") reg = { state: "reserved", on };
    else if (what === "correct") parsed.push({ correct: on });
    else parsed.push({ to: what as State, on, data: what === "supplied" ? S : {} });
  }
  return { code, town, batchId, areaM2, reg, steps: parsed };
}

// prettier-ignore
const FIXTURE: Fixture[] = [
  // Approved 2021, expropriated, reserved, supplied in 2023.
  parcel("P1", "凤桥镇", 1, 6000, "approved 2021-03-10", "acquired 2021-09-01", "reserved 2022-02-01", "supplied 2023-05-20"),
  // Approved 2021, stuck after expropriation.
  parcel("P2", "凤桥镇", 1, 4000, "approved 2021-03-10", "acquired 2021-10-01"),
  // Approved 2021, withdrawn (核减) in 2023: a withdrawal digests too.
  parcel("P3", "新丰镇", 1, 2000, "approved 2021-03-10", "withdrawn 2023-02-15"),
  // Approved 2022, supplied on 1 January 2023: counts for 2023.
  parcel("P4", "新丰镇", 2, 8000, "approved 2022-01-05", "acquired 2022-06-01", "reserved 2022-08-01", "supplied 2023-01-01"),
  // Approved 2022, approved → reserved skip (state-owned), supplied in 2022: not in 2023's stock.
  parcel("P5", "余新镇", 2, 10000, "approved 2022-01-05", "reserved 2022-03-01", "supplied 2022-11-11"),
  // Approved 2022, acquired → supplied skip on 2023-04-01, CORRECTED, supplied again on 2023-07-15.
  parcel("P6", "余新镇", 2, 3000, "approved 2022-01-05", "acquired 2022-05-01", "supplied 2023-04-01", "correct 2023-04-03", "supplied 2023-07-15"),
  // Approved in 2023 itself: in the stock on D, never in 2023's year-start stock.
  parcel("P7", "七星街道", 3, 12000, "approved 2023-02-01", "acquired 2023-04-01", "reserved 2023-06-01", "supplied 2023-08-20"),
  // Registered straight into the reserve: never approved, never 批而未供.
  parcel("P8", "七星街道", null, 5000, "registered-reserved 2022-04-01", "supplied 2023-03-01"),
  // Dropped before approval.
  parcel("P9", "凤桥镇", 3, 2000, "withdrawn 2022-06-01"),
  // An old approval: turns five on 2023-05-20.
  parcel("P10", "新丰镇", null, 6000, "approved 2018-05-20"),
  // Approved on 29 Feb 2020, supplied on D_B itself.
  parcel("P11", "余新镇", null, 4000, "approved 2020-02-29", "acquired 2020-08-01", "reserved 2021-01-10", "supplied 2023-09-30"),
  // Withdrawn on 31 Dec 2022: out of the stock that day, so not in 2023's year-start stock.
  parcel("P12", "凤桥镇", 2, 2000, "approved 2022-01-05", "withdrawn 2022-12-31"),
  // An approval entered by mistake and corrected, then approved for real on 2023-05-10.
  parcel("P13", "七星街道", 3, 6000, "approved 2023-02-01", "correct 2023-02-02", "approved 2023-05-10"),
  // Supplied after D_B: a move dated after D changes nothing on D.
  parcel("P14", "新丰镇", 1, 4000, "approved 2021-03-10", "acquired 2021-06-01", "reserved 2021-12-01", "supplied 2023-10-08"),
];

/** The per-parcel facts as of D, as the replay reads them from the events. */
const factsOf = (fixture: readonly Fixture[], d: string) =>
  fixture.map((p) => ({
    ...replayAsOf(p.reg, history(p.reg.state, p.steps), d),
    code: p.code,
    town: p.town,
    batchId: p.batchId,
    areaM2: p.areaM2,
  }));
const factsAsOf = (d: string) => factsOf(FIXTURE, d);
const codes = (ps: readonly (DigestionFacts & { code: string })[]) => ps.map((p) => p.code);

const D_A = "2023-04-30";
const D_B = "2023-09-30";

describe("批而未供 stock and digestion over a hand-built district (issue 9 §2)", () => {
  // Whether read as of D or from today's row, the figures for D are the same (the prefix rule).
  for (const [label, read] of [
    ["as of D", factsAsOf],
    ["from the current row", () => factsAsOf("2099-12-31")],
  ] as const) {
    describe(label, () => {
      it("year-start stock of 2023 = stock on 2022-12-31", () => {
        // Approved by 2022-12-31 and still unsupplied that day: P1, P2, P3, P4 (supplied 1 Jan 2023), P6 (its
        // supply corrected, re-supplied 2023-07-15), P10, P11, P14. Out: P5 (supplied 2022), P12 (withdrawn
        // 2022-12-31), P7/P13 (approved 2023), P8 (never approved), P9 (withdrawn before approval).
        const start = stockAtYearStart(read(D_A), 2023);
        expect(codes(start)).toEqual(["P1", "P2", "P3", "P4", "P6", "P10", "P11", "P14"]);
        // 6000 + 4000 + 2000 + 8000 + 3000 + 6000 + 4000 + 4000 = 37,000 m² = 37,000 × 15 ÷ 10,000 = 55.5 亩.
        expect(tally(start)).toEqual({ count: 8, areaM2: 37_000 });
        expect(muRounded(37_000)).toBe(55.5);
      });

      it(`on ${D_A}: digested, remaining, stock`, () => {
        const facts = read(D_A);
        // Left the year-start stock 2023-01-01 … 04-30: P4 (supplied 1 Jan) and P3 (withdrawn 15 Feb).
        // P6's 1 April supply was corrected, so it never happened. 8000 + 2000 = 10,000 m² = 15 亩.
        const digested = digestedIn(facts, 2023, D_A);
        expect(codes(digested)).toEqual(["P3", "P4"]);
        expect(tally(digested)).toEqual({ count: 2, areaM2: 10_000 });
        // Target 60 亩 = 40,000 m²: remaining 40,000 − 10,000 = 30,000 m² = 45 亩; progress 10,000 ÷ 40,000.
        expect(remainingToTarget(10_000, 40_000)).toBe(30_000);
        expect(progress(10_000, 40_000)).toBe(0.25);
        // Stock on D: P1, P2, P6, P7 (approved 2023-02-01), P10, P11, P14; P13's approval is dated 05-10.
        // 6000 + 4000 + 3000 + 12000 + 6000 + 4000 + 4000 = 39,000 m² (= 37,000 − 10,000 + P7's 12,000) = 58.5 亩.
        expect(codes(stockOn(facts, D_A))).toEqual(["P1", "P2", "P6", "P7", "P10", "P11", "P14"]);
        expect(tally(stockOn(facts, D_A))).toEqual({ count: 7, areaM2: 39_000 });
      });

      it(`on ${D_A}: by age, town and batch; the work list`, () => {
        const facts = read(D_A);
        // <1: P7 (2023-02-01). 1–2: P6 (2022-01-05, 1st anniversary 2023-01-05). 2–3: P1, P2, P14 (2021-03-10,
        // 2nd anniversary 2023-03-10) = 14,000. 3–5: P10 (2018-05-20, 5th anniversary 2023-05-20 not yet) and
        // P11 (2020-02-29, 3rd anniversary 2023-02-28) = 10,000. ≥5: none.
        expect(stockByAge(facts, D_A)).toEqual([
          { bucket: "<1", count: 1, areaM2: 12_000 },
          { bucket: "1-2", count: 1, areaM2: 3_000 },
          { bucket: "2-3", count: 3, areaM2: 14_000 },
          { bucket: "3-5", count: 2, areaM2: 10_000 },
          { bucket: ">=5", count: 0, areaM2: 0 },
        ]);
        // 凤桥 P1 + P2 = 10,000; 七星 P7 = 12,000; 新丰 P10 + P14 = 10,000; 余新 P6 + P11 = 7,000 (pinyin order:
        // feng, qi, xin, yu). Ranked: 七星 first, then the 10,000 tie in pinyin order, then 余新.
        const towns = stockByTown(facts, D_A);
        expect(towns).toEqual([
          { town: "凤桥镇", count: 2, areaM2: 10_000 },
          { town: "七星街道", count: 1, areaM2: 12_000 },
          { town: "新丰镇", count: 2, areaM2: 10_000 },
          { town: "余新镇", count: 2, areaM2: 7_000 },
        ]);
        expect(rankByArea(towns).map((t) => t.town)).toEqual(["七星街道", "凤桥镇", "新丰镇", "余新镇"]);
        // Batch 1: P1, P2, P14 = 14,000; batch 2: P6 = 3,000; batch 3: P7 = 12,000; none: P10, P11 = 10,000.
        expect(stockByBatch(facts, D_A)).toEqual([
          { batchId: 1, count: 3, areaM2: 14_000 },
          { batchId: 2, count: 1, areaM2: 3_000 },
          { batchId: 3, count: 1, areaM2: 12_000 },
          { batchId: null, count: 2, areaM2: 10_000 },
        ]);
        // Oldest approval first; P1, P2, P14 share 2021-03-10 and keep their order.
        expect(codes(workList(facts, D_A))).toEqual(["P10", "P11", "P1", "P2", "P14", "P6", "P7"]);
      });

      it(`on ${D_B}: digested, remaining, stock`, () => {
        const facts = read(D_B);
        // Left the year-start stock by 09-30: P4 (01-01) 8000, P3 (02-15) 2000, P1 (05-20) 6000, P6 (07-15) 3000,
        // P11 (09-30, D itself) 4000 = 23,000 m² = 34.5 亩. P14 is supplied 10-08, after D.
        const digested = digestedIn(facts, 2023, D_B);
        expect(codes(digested)).toEqual(["P1", "P3", "P4", "P6", "P11"]);
        expect(tally(digested)).toEqual({ count: 5, areaM2: 23_000 });
        expect(muRounded(23_000)).toBe(34.5);
        // Target 40,000 m²: remaining 17,000 m² = 25.5 亩; progress 23,000 ÷ 40,000 = 0.575.
        expect(remainingToTarget(23_000, 40_000)).toBe(17_000);
        expect(progress(23_000, 40_000)).toBe(0.575);
        // Stock: P2 4000, P10 6000, P13 6000 (approved 05-10), P14 4000 = 20,000 m² = 30 亩
        // (= 37,000 − 23,000 + P13's 6,000; P7 came and went: approved 02-01, supplied 08-20).
        expect(codes(stockOn(facts, D_B))).toEqual(["P2", "P10", "P13", "P14"]);
        expect(tally(stockOn(facts, D_B))).toEqual({ count: 4, areaM2: 20_000 });
      });

      it(`on ${D_B}: by age, town and batch; the work list`, () => {
        const facts = read(D_B);
        // <1: P13 6000. 2–3: P2, P14 = 8000. ≥5: P10 (5th anniversary 2023-05-20 passed) 6000.
        expect(stockByAge(facts, D_B)).toEqual([
          { bucket: "<1", count: 1, areaM2: 6_000 },
          { bucket: "1-2", count: 0, areaM2: 0 },
          { bucket: "2-3", count: 2, areaM2: 8_000 },
          { bucket: "3-5", count: 0, areaM2: 0 },
          { bucket: ">=5", count: 1, areaM2: 6_000 },
        ]);
        // 凤桥 P2 4000; 七星 P13 6000; 新丰 P10 + P14 10,000; 余新 none left, so absent.
        const towns = stockByTown(facts, D_B);
        expect(towns).toEqual([
          { town: "凤桥镇", count: 1, areaM2: 4_000 },
          { town: "七星街道", count: 1, areaM2: 6_000 },
          { town: "新丰镇", count: 2, areaM2: 10_000 },
        ]);
        expect(rankByArea(towns).map((t) => t.town)).toEqual(["新丰镇", "七星街道", "凤桥镇"]);
        expect(stockByBatch(facts, D_B)).toEqual([
          { batchId: 1, count: 2, areaM2: 8_000 },
          { batchId: 3, count: 1, areaM2: 6_000 },
          { batchId: null, count: 1, areaM2: 6_000 },
        ]);
        expect(codes(workList(facts, D_B))).toEqual(["P10", "P2", "P14", "P13"]);
      });
    });
  }

  it("2022: approvals and supplies within the year are not digestion of the year-start stock", () => {
    const facts = factsAsOf("2022-12-31");
    // Stock on 2021-12-31: P1, P2, P3, P14 (2021-03-10), P10, P11 = 6000+4000+2000+4000+6000+4000 = 26,000.
    expect(tally(stockAtYearStart(facts, 2022))).toEqual({ count: 6, areaM2: 26_000 });
    // None of them left the stock in 2022; P5 and P12 did, but they were approved in 2022.
    expect(tally(digestedIn(facts, 2022, "2022-12-31"))).toEqual({ count: 0, areaM2: 0 });
  });

  it("a D in a later year counts only up to 31 December", () => {
    // As of 2024-03-01 the 2023 digestion adds P14 (2023-10-08): 23,000 + 4000 = 27,000 m² = 40.5 亩.
    const facts = factsAsOf("2024-03-01");
    expect(tally(digestedIn(facts, 2023, "2024-03-01"))).toEqual({ count: 6, areaM2: 27_000 });
    expect(muRounded(27_000)).toBe(40.5);
    // Nothing counts before the year has begun.
    expect(digestedIn(facts, 2024, "2023-12-31")).toEqual([]);
  });

  it("a late entry dated on or before D changes D's figures; a move dated after D does not", () => {
    const withLate = (step: Step) =>
      factsOf(
        FIXTURE.map((p) => (p.code === "P2" ? { ...p, steps: [...p.steps, step] } : p)),
        D_A,
      );
    const base = tally(digestedIn(factsAsOf(D_A), 2023, D_A));
    // P2 withdrawn on 2023-04-30 (entered late): digested grows by its 4000 m².
    expect(tally(digestedIn(withLate({ to: "withdrawn", on: "2023-04-30" }), 2023, D_A))).toEqual({
      count: base.count + 1,
      areaM2: base.areaM2 + 4000,
    });
    expect(tally(digestedIn(withLate({ to: "withdrawn", on: "2023-05-01" }), 2023, D_A))).toEqual(base);
  });
});

describe("approval-age buckets by calendar anniversaries", () => {
  it("starts each bucket on the anniversary itself", () => {
    expect(ageBucket("2022-06-15", "2023-06-14")).toBe("<1");
    expect(ageBucket("2022-06-15", "2023-06-15")).toBe("1-2");
    expect(ageBucket("2022-06-15", "2024-06-15")).toBe("2-3");
    expect(ageBucket("2022-06-15", "2025-06-14")).toBe("2-3");
    expect(ageBucket("2022-06-15", "2025-06-15")).toBe("3-5");
    expect(ageBucket("2022-06-15", "2027-06-14")).toBe("3-5");
    expect(ageBucket("2022-06-15", "2027-06-15")).toBe(">=5");
  });
  it("puts the anniversaries of 29 Feb on 28 Feb in common years", () => {
    expect(ageBucket("2024-02-29", "2025-02-27")).toBe("<1");
    expect(ageBucket("2024-02-29", "2025-02-28")).toBe("1-2");
    expect(ageBucket("2024-02-29", "2028-02-28")).toBe("3-5"); // 2028 is a leap year: the 4th is 29 Feb
    expect(ageBucket("2024-02-29", "2029-02-27")).toBe("3-5");
    expect(ageBucket("2024-02-29", "2029-02-28")).toBe(">=5");
  });
});
