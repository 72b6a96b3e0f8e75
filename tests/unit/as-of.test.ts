import { describe, expect, it } from "vitest";
import { eventsInForce, replayAsOf, type ParcelAsOf } from "../../src/domain/as-of";
import { history, supply } from "./history";

const PLANNED = { state: "planned" } as const;
const none = {
  approvedOn: null,
  acquiredOn: null,
  reservedOn: null,
  suppliedOn: null,
  startedOn: null,
  completedOn: null,
  withdrawnOn: null,
  agreedStartOn: null,
  originalAgreedStartOn: null,
  agreedCompletionOn: null,
  priceYuan: null,
};
const at = (asOf: string, fields: Partial<ParcelAsOf>): ParcelAsOf => ({ ...none, asOf, state: "planned", ...fields });

describe("a parcel as of D (issue 9 §1)", () => {
  const chain = history("planned", [
    { to: "approved", on: "2023-01-10" },
    { to: "acquired", on: "2023-03-01" },
    { to: "reserved", on: "2023-05-01" },
    { to: "supplied", on: "2023-06-01", data: supply("2023-12-01", "2025-12-01", 1234.5678) },
    { to: "started", on: "2024-01-15" },
  ]);
  const suppliedFields = {
    approvedOn: "2023-01-10",
    acquiredOn: "2023-03-01",
    reservedOn: "2023-05-01",
    suppliedOn: "2023-06-01",
    agreedStartOn: "2023-12-01",
    originalAgreedStartOn: "2023-12-01",
    agreedCompletionOn: "2025-12-01",
    priceYuan: 12_345_678, // 1234.5678 万元
  };

  it("is planned before its first move", () =>
    expect(replayAsOf(PLANNED, chain, "2023-01-09")).toEqual(at("2023-01-09", {})));
  it("reaches a state on the move's own date", () =>
    expect(replayAsOf(PLANNED, chain, "2023-01-10")).toEqual(
      at("2023-01-10", { state: "approved", approvedOn: "2023-01-10" }),
    ));
  it("ignores moves dated after D", () =>
    expect(replayAsOf(PLANNED, chain, "2023-05-31")).toEqual(
      at("2023-05-31", {
        state: "reserved",
        approvedOn: "2023-01-10",
        acquiredOn: "2023-03-01",
        reservedOn: "2023-05-01",
      }),
    ));
  it("carries the supply's contract dates and price once supplied", () =>
    expect(replayAsOf(PLANNED, chain, "2023-06-01")).toEqual(
      at("2023-06-01", { state: "supplied", ...suppliedFields }),
    ));
  it("keeps every date reached on the way", () =>
    expect(replayAsOf(PLANNED, chain, "2030-01-01")).toEqual(
      at("2030-01-01", { state: "started", ...suppliedFields, startedOn: "2024-01-15" }),
    ));

  it("takes a corrected move out of every date, before and after the correction was made", () => {
    const h = history("planned", [
      { to: "approved", on: "2023-01-10" },
      { to: "withdrawn", on: "2023-02-01", data: { docNo: "核减", reason: "错录" } },
      { correct: "2023-04-01" },
      { to: "acquired", on: "2023-03-01" },
    ]);
    // The withdrawal never happened; the acquisition, recorded later, is dated before the correction.
    expect(replayAsOf(PLANNED, h, "2023-02-15")).toEqual(
      at("2023-02-15", { state: "approved", approvedOn: "2023-01-10" }),
    );
    expect(replayAsOf(PLANNED, h, "2023-03-01")).toEqual(
      at("2023-03-01", { state: "acquired", approvedOn: "2023-01-10", acquiredOn: "2023-03-01" }),
    );
  });

  it("keeps the approval of a withdrawn parcel (its area was approved, then taken back)", () => {
    const h = history("planned", [
      { to: "approved", on: "2022-05-01" },
      { to: "withdrawn", on: "2023-02-01" },
    ]);
    expect(replayAsOf(PLANNED, h, "2023-02-01")).toEqual(
      at("2023-02-01", { state: "withdrawn", approvedOn: "2022-05-01", withdrawnOn: "2023-02-01" }),
    );
  });

  it("counts a supply that was corrected and made again only from its new date", () => {
    const h = history("planned", [
      { to: "approved", on: "2022-01-05" },
      { to: "acquired", on: "2022-05-01" },
      { to: "supplied", on: "2023-04-01", data: supply("2023-10-01", "2025-10-01") },
      { correct: "2023-04-02" },
      { to: "supplied", on: "2023-07-15", data: supply("2024-01-15", "2026-01-15", 500) },
    ]);
    expect(replayAsOf(PLANNED, h, "2023-06-30")).toMatchObject({
      state: "acquired",
      suppliedOn: null,
      agreedStartOn: null,
    });
    expect(replayAsOf(PLANNED, h, "2023-07-15")).toMatchObject({
      state: "supplied",
      suppliedOn: "2023-07-15",
      agreedStartOn: "2024-01-15",
      priceYuan: 5_000_000,
    });
  });

  it("leaves the price null for an allocation without one (划拨)", () => {
    const h = history("reserved", [{ to: "supplied", on: "2023-03-01", data: supply("2023-09-01", "2025-09-01") }]);
    expect(replayAsOf({ state: "reserved", on: "2022-04-01" }, h, "2023-03-01").priceYuan).toBeNull();
  });

  it("is not on the books before a registration straight into the reserve", () => {
    const reg = { state: "reserved", on: "2022-04-01" } as const;
    const h = history("reserved", [{ to: "supplied", on: "2023-03-01", data: supply("2023-09-01", "2025-09-01") }]);
    expect(replayAsOf(reg, h, "2022-03-31")).toEqual(at("2022-03-31", { state: null }));
    expect(replayAsOf(reg, h, "2022-04-01")).toEqual(at("2022-04-01", { state: "reserved", reservedOn: "2022-04-01" }));
    expect(replayAsOf(reg, h, "2023-03-01")).toMatchObject({
      state: "supplied",
      approvedOn: null,
      reservedOn: "2022-04-01",
    });
  });

  it("ignores edits", () => {
    const h = history("planned", [
      { edit: "2023-01-01" },
      { to: "approved", on: "2023-01-10" },
      { edit: "2023-02-01" },
    ]);
    expect(replayAsOf(PLANNED, h, "2023-03-01")).toEqual(
      at("2023-03-01", { state: "approved", approvedOn: "2023-01-10" }),
    );
  });
});

describe("government-cause delays as of D", () => {
  const supplied = [
    { to: "approved", on: "2022-01-10" },
    { to: "acquired", on: "2022-03-01" },
    { to: "reserved", on: "2022-05-01" },
    { to: "supplied", on: "2023-06-01", data: supply("2023-12-01", "2025-12-01", 100) },
  ] as const;
  const h = history("planned", [
    ...supplied,
    { delay: "2023-11-20", newAgreedStartOn: "2024-03-01" },
    { delay: "2024-02-20", newAgreedStartOn: "2024-06-01" },
  ]);
  const startOn = (d: string) => replayAsOf(PLANNED, h, d).agreedStartOn;

  it("moves the agreed start from each delay's own date, keeping the original", () => {
    expect(startOn("2023-11-19")).toBe("2023-12-01");
    expect(startOn("2023-11-20")).toBe("2024-03-01");
    expect(startOn("2024-02-19")).toBe("2024-03-01");
    expect(startOn("2024-02-20")).toBe("2024-06-01");
    expect(replayAsOf(PLANNED, h, "2024-02-20").originalAgreedStartOn).toBe("2023-12-01");
  });

  it("lets a correction take back the latest delay (not the supply beneath it)", () => {
    const corrected = history("planned", [
      ...supplied,
      { delay: "2023-11-20", newAgreedStartOn: "2024-03-01" },
      { correct: "2023-11-21" },
    ]);
    expect(replayAsOf(PLANNED, corrected, "2024-01-01")).toMatchObject({
      state: "supplied",
      agreedStartOn: "2023-12-01",
    });
    expect(eventsInForce(corrected).map((e) => e.kind)).toEqual(["move", "move", "move", "move"]);
  });

  it("drops the delays with the supply when both are corrected", () => {
    const undone = history("planned", [
      ...supplied,
      { delay: "2023-11-20", newAgreedStartOn: "2024-03-01" },
      { correct: "2023-11-21" },
      { correct: "2023-11-21" },
    ]);
    expect(replayAsOf(PLANNED, undone, "2024-01-01")).toMatchObject({
      state: "reserved",
      suppliedOn: null,
      agreedStartOn: null,
      originalAgreedStartOn: null,
    });
  });
});

describe("late entries and later moves", () => {
  const base = history("planned", [{ to: "approved", on: "2023-01-10" }]);
  const D = "2023-06-30";
  it("a move dated after D leaves D's figures unchanged", () => {
    const later = history("planned", [
      { to: "approved", on: "2023-01-10" },
      { to: "acquired", on: "2023-07-01" },
    ]);
    expect(replayAsOf(PLANNED, later, D)).toEqual(replayAsOf(PLANNED, base, D));
  });
  it("a late entry dated on or before D changes them", () => {
    const late = history("planned", [
      { to: "approved", on: "2023-01-10" },
      { to: "acquired", on: "2023-06-30" },
    ]);
    expect(replayAsOf(PLANNED, late, D)).toMatchObject({ state: "acquired", acquiredOn: "2023-06-30" });
  });
});
