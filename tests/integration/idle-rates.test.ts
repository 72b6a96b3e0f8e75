import { beforeAll, describe, expect, it } from "vitest";
import { parcelAt } from "../chain-fixtures";
import { session } from "../helpers";

// Three parcels, all supplied 2023-04-10 with agreed start 2023-12-01 and agreed completion 2025-12-01:
// P1 started 2023-05-10 (3 亩 = 2000 m²), P2 not started (6 亩), P3 started and completed 2023-06-10 (9 亩).
let officer: Awaited<ReturnType<typeof session>>;
let p1: number;
beforeAll(async () => {
  officer = await session("officer");
  p1 = (await parcelAt(officer, "started", { area: { value: 2000, unit: "m2" } })).id;
  await parcelAt(officer, "supplied", { area: { value: 4000, unit: "m2" } });
  await parcelAt(officer, "completed", { area: { value: 6000, unit: "m2" } });
});

type Rates = Record<"start" | "completion", Record<string, number | null>>;
const get = async (d: string) =>
  (await (await officer.json("GET", `/api/v1/idle-land?asOf=${d}`)).json()) as {
    rates: Rates;
    overdueCompletion: { parcelId: number; daysLate: number }[];
  };

describe("start and completion rates, by count and by area", () => {
  it("period ending 2024-06-30: all three due to start, P1 and P3 started; nothing due to complete", async () => {
    const { rates } = await get("2024-06-30");
    // start: due 3 (18 亩), done 2 (3 + 9 = 12 亩): 2/3 by count, 12/18 = 2/3 by area.
    expect(rates.start).toMatchObject({ dueCount: 3, doneCount: 2, dueAreaMu: 18, doneAreaMu: 12 });
    expect(rates.start.countRate).toBeCloseTo(2 / 3, 10);
    expect(rates.completion).toMatchObject({ dueCount: 0, doneCount: 0, countRate: null, areaRate: null });
  });

  it("period ending 2025-12-31: all three due to complete, P3 completed: 1/3 by count, 9/18 by area", async () => {
    const { rates } = await get("2025-12-31");
    expect(rates.completion).toMatchObject({ dueCount: 3, doneCount: 1, dueAreaMu: 18, doneAreaMu: 9, areaRate: 0.5 });
    expect(rates.completion.countRate).toBeCloseTo(1 / 3, 10);
  });

  it("逾期未竣工: P1 from its agreed completion 2025-12-01 (0 days), not the day before; 30 days on 2025-12-31", async () => {
    expect((await get("2025-11-30")).overdueCompletion).toEqual([]);
    expect((await get("2025-12-01")).overdueCompletion).toMatchObject([{ parcelId: p1, daysLate: 0 }]);
    expect((await get("2025-12-31")).overdueCompletion).toMatchObject([{ parcelId: p1, daysLate: 30 }]);
  });
});
