import { describe, expect, it } from "vitest";
import { STATES } from "../../src/domain/chain";
import { addDays, addYears } from "../../src/domain/dates";
import { apportion, DEMO_DEFAULTS, generateSeed } from "../../scripts/seed/generate";

const options = { ...DEMO_DEFAULTS, passwordHash: "test-hash" };
const data = generateSeed(options);
const anchor = DEMO_DEFAULTS.anchor;
const moves = (to: string, from?: string) =>
  data.events.filter((e) => e.kind === "move" && e.toState === to && (!from || e.fromState === from));

describe("demo seed generator", () => {
  it("gives the same district for the same seed, and another for another seed", () => {
    expect(generateSeed(options)).toEqual(data);
    expect(generateSeed({ ...options, seed: 1 }).parcels).not.toEqual(data.parcels);
  });

  it("makes a few hundred parcels, the size asked for", () => {
    expect(data.parcels.length).toBe(360);
    expect(generateSeed({ ...options, size: 1234 }).parcels.length).toBe(1234);
    expect(new Set(data.parcels.map((p) => p.code)).size).toBe(360);
  });

  it("puts parcels in every state of the chain and every town the seed document names", () => {
    const states = new Set(data.parcels.map((p) => p.state));
    for (const s of STATES) expect(states, s).toContain(s);
    const towns = new Set(data.parcels.map((p) => p.town));
    for (const t of [
      "凤桥镇",
      "新丰镇",
      "余新镇",
      "七星街道",
      "大桥镇",
      "东栅街道",
      "城南街道",
      "建设街道",
      "解放街道",
    ])
      expect(towns, t).toContain(t);
  });

  it("dates everything 2019–2023 and nothing after its 'today'", () => {
    const dates = [...data.events.map((e) => e.on), ...data.parcels.map((p) => p.createdAt.slice(0, 10))].sort();
    expect(dates[0] >= "2019-01-01").toBe(true);
    expect(dates.at(-1)! <= anchor).toBe(true);
    const later = generateSeed({ ...options, size: 100, anchor: "2025-03-01" });
    expect(later.events.every((e) => e.on <= "2025-03-01")).toBe(true);
  });

  it("has the four demo users, one per role, sharing the given hash", () => {
    expect(data.users.map((u) => [u.username, u.role])).toEqual([
      ["admin", "admin"],
      ["officer", "officer"],
      ["lead", "lead"],
      ["viewer", "viewer"],
    ]);
    expect(data.users.every((u) => u.passwordHash === "test-hash" && /[\u4e00-\u9fa5]/.test(u.displayName))).toBe(true);
  });

  it("has withdrawals, both skips with their reasons, and stock registered straight into the reserve", () => {
    expect(moves("withdrawn").length).toBeGreaterThan(5);
    const toReserve = moves("reserved", "approved");
    const toSupply = moves("supplied", "acquired");
    expect(toReserve.length).toBeGreaterThan(2);
    expect(toSupply.length).toBeGreaterThan(2);
    for (const e of [...toReserve, ...toSupply]) expect(JSON.parse(e.data).reason, e.data).toMatch(/\S/);
    for (const e of toSupply) expect(JSON.parse(e.data).method).toBe("allocation");
    const byId = new Map(data.parcels.map((p) => [p.id, p]));
    expect(toReserve.every((e) => byId.get(e.parcelId)!.origin === "state")).toBe(true);
    const stock = data.parcels.filter(
      (p) => p.reservedOn && !data.events.some((e) => e.parcelId === p.id && e.toState === "reserved"),
    );
    expect(stock.length).toBeGreaterThan(5);
    expect(stock.every((p) => p.origin === "state" && p.batchId === null)).toBe(true);
  });

  it("has supplied-unstarted land both idle for over a year and falling due within 90 days", () => {
    const waiting = data.parcels.filter((p) => p.state === "supplied");
    expect(waiting.filter((p) => p.agreedStartOn! <= addYears(anchor, -1)).length).toBeGreaterThan(2);
    expect(
      waiting.filter((p) => p.agreedStartOn! > anchor && p.agreedStartOn! <= addDays(anchor, 90)).length,
    ).toBeGreaterThan(2);
  });

  it("records corrections and survey edits as events, as the app would", () => {
    expect(data.events.some((e) => e.kind === "correction")).toBe(true);
    expect(data.events.some((e) => e.kind === "edit")).toBe(true);
  });

  it("writes realistic document numbers", () => {
    expect(moves("acquired").every((e) => /^嘉南征〔20(19|2[0-3])〕\d+号$/.test(JSON.parse(e.data).docNo))).toBe(true);
    expect(data.parcels.every((p) => /^330402\d{6}GB\d{5}$/.test(p.code))).toBe(true);
    const supervision = data.parcels.map((p) => p.supervisionNo).filter((s) => s !== null);
    expect(supervision.length).toBeGreaterThan(10);
    expect(supervision.every((s) => s!.length === 19)).toBe(true);
  });

  it("apportions a whole number exactly over weights", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [2, 0, 5])).toEqual([2, 0, 5]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });
});
