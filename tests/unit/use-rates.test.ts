import { describe, expect, it } from "vitest";
import { completionDaysLate, useRates, type UseFacts } from "../../src/domain/use-rates";

const parcel = (p: Partial<UseFacts> & { areaM2: number }): UseFacts => ({
  suppliedOn: null,
  startedOn: null,
  completedOn: null,
  agreedStartOn: null,
  agreedCompletionOn: null,
  ...p,
});

// A hand-built period ending E = 2023-06-30.
const E = "2023-06-30";
const A = parcel({
  areaM2: 10_000,
  suppliedOn: "2022-03-01",
  agreedStartOn: "2022-09-01",
  startedOn: "2022-08-20",
  agreedCompletionOn: "2023-06-30", // due on E itself
  completedOn: "2023-06-30",
});
const B = parcel({
  areaM2: 5_000,
  suppliedOn: "2023-01-10",
  agreedStartOn: "2023-06-30",
  agreedCompletionOn: "2025-06-30",
});
// Started early, its agreed start after E: in neither count.
const C = parcel({
  areaM2: 8_000,
  suppliedOn: "2023-02-01",
  agreedStartOn: "2023-07-01",
  startedOn: "2023-05-01",
  agreedCompletionOn: "2025-07-01",
});
// Due since March, starts after E: due, not done.
const D = parcel({
  areaM2: 20_000,
  suppliedOn: "2022-05-01",
  agreedStartOn: "2023-03-01",
  startedOn: "2023-07-02",
  agreedCompletionOn: "2024-03-01",
});
const F = parcel({
  areaM2: 3_000,
  suppliedOn: "2021-01-01",
  agreedStartOn: "2021-06-01",
  startedOn: "2021-05-30",
  agreedCompletionOn: "2023-05-31",
});
// A row whose supply is dated after E never counts for E, whatever its other dates say.
const G = parcel({
  areaM2: 4_000,
  suppliedOn: "2023-07-05",
  agreedStartOn: "2023-06-20",
  agreedCompletionOn: "2023-06-25",
});
const H = parcel({
  areaM2: 7_000,
  suppliedOn: "2022-01-01",
  agreedStartOn: "2022-06-01",
  startedOn: "2022-06-01",
  agreedCompletionOn: "2023-01-01",
  completedOn: "2022-12-15",
});
const notSupplied = parcel({ areaM2: 9_999 });

describe("start and completion rates for a period ending E (docs/PRODUCT.md §6)", () => {
  const rates = useRates([A, B, C, D, F, G, H, notSupplied], E);
  it("应开工 / 已开工", () => {
    // Due: A 10,000 + B 5,000 + D 20,000 + F 3,000 + H 7,000 = 5 parcels, 45,000 m².
    // Done: A + F + H = 3 parcels, 10,000 + 3,000 + 7,000 = 20,000 m².
    expect(rates.start).toEqual({
      dueCount: 5,
      doneCount: 3,
      dueAreaM2: 45_000,
      doneAreaM2: 20_000,
      countRate: 3 / 5,
      areaRate: 20_000 / 45_000,
    });
  });
  it("应竣工 / 已竣工", () => {
    // Due (agreed completion ≤ E): A 2023-06-30, F 2023-05-31, H 2023-01-01 = 3 parcels, 20,000 m².
    // Done: A + H = 2 parcels, 17,000 m² → 85% by area.
    expect(rates.completion).toEqual({
      dueCount: 3,
      doneCount: 2,
      dueAreaM2: 20_000,
      doneAreaM2: 17_000,
      countRate: 2 / 3,
      areaRate: 0.85,
    });
  });
  it("has no rate when nothing is due", () => {
    const none = useRates([B, C], "2023-01-31");
    expect(none.start).toMatchObject({ dueCount: 0, countRate: null, areaRate: null });
  });
});

describe("逾期未竣工: started parcels past their agreed completion", () => {
  it("counts days late from the agreed completion day (0 on it)", () => {
    expect(completionDaysLate(F, E)).toBe(30); // 2023-05-31 → 2023-06-30
    expect(completionDaysLate(D, "2024-02-29")).toBeNull();
    expect(completionDaysLate(D, "2024-03-01")).toBe(0);
    expect(completionDaysLate(D, "2024-03-02")).toBe(1);
  });
  it("ignores completed, unstarted and not-yet-due parcels", () => {
    expect(completionDaysLate(A, E)).toBeNull(); // completed on E
    expect(completionDaysLate(A, "2023-06-29")).toBeNull(); // not due before 2023-06-30
    expect(completionDaysLate(B, "2026-01-01")).toBeNull(); // never started
    expect(completionDaysLate(D, "2023-07-01")).toBeNull(); // starts 2023-07-02
  });
});
