import { describe, expect, it } from "vitest";
import { DEMO_DEFAULTS, generateSeed } from "../../scripts/seed/generate";

const data = generateSeed({ ...DEMO_DEFAULTS, passwordHash: "test-hash" });
const approved = data.batches.filter((b) => b.approvedOn);
const parcelsOf = (id: number) => data.parcels.filter((p) => p.batchId === id);
const area = (ps: typeof data.parcels) => ps.reduce((s, p) => s + p.areaM2, 0);

/** docs/PRODUCT.md §4: supplied ÷ (approved − withdrawn), by area. */
function supplyRate(id: number): number {
  const ps = parcelsOf(id).filter((p) => p.approvedOn);
  const supplied = area(ps.filter((p) => p.suppliedOn));
  return supplied / (area(ps) - area(ps.filter((p) => p.state === "withdrawn")));
}

describe("demo seed batches (农转用批次)", () => {
  it("has the seed document's six H1 2023 batches: two standalone, four linked", () => {
    const h1 = approved.filter((b) => b.approvedOn! >= "2023-01-01");
    expect(h1.length).toBe(6);
    expect(h1.every((b) => b.approvedOn! <= "2023-06-30")).toBe(true);
    expect(h1.filter((b) => b.kind === "standalone").length).toBe(2);
    expect(h1.filter((b) => b.kind === "linked").length).toBe(4);
    expect(
      h1.filter((b) => b.kind === "linked").every((b) => b.name.startsWith("南湖区2023年度城乡建设用地增减挂钩")),
    ).toBe(true);
  });

  it("has older urban batches named by plan year back to 2018", () => {
    const urban = approved.filter((b) => b.kind === "urban");
    const years = new Set(urban.map((b) => /^南湖区(\d{4})年度第\d+批次城镇建设用地$/.exec(b.name)?.[1]));
    expect([...years].sort()).toEqual(["2018", "2019", "2020", "2021", "2022"]);
    expect(urban.every((b) => b.approvedOn! >= "2019-01-01" && b.approvedOn! < "2023-01-01")).toBe(true);
  });

  it("gives every approved batch its authority, document, parcels and areas", () => {
    for (const b of approved) {
      expect(["省政府", "国务院"]).toContain(b.authority);
      expect(b.docNo).toMatch(/^(浙土字|自然资函)〔\d{4}〕\d+号$/);
      expect(b.docNo!.slice(b.docNo!.indexOf("〔") + 1, b.docNo!.indexOf("〕"))).toBe(b.approvedOn!.slice(0, 4));
      expect(parcelsOf(b.id).length).toBeGreaterThan(0);
      expect(b.totalM2).toBe(area(parcelsOf(b.id)));
      expect(b.cultivatedM2!).toBeLessThanOrEqual(b.agriculturalM2!);
      expect(b.agriculturalM2! + b.unusedM2!).toBeLessThanOrEqual(b.totalM2!);
      expect(b.newConstructionM2).toBe(b.agriculturalM2! + b.unusedM2!);
    }
  });

  it("approves each batch's parcels on the batch's date under the batch's document", () => {
    for (const b of approved)
      for (const p of parcelsOf(b.id)) {
        expect(p.approvedOn, p.code).toBe(b.approvedOn);
        expect(p.approvalDocNo, p.code).toBe(b.docNo);
      }
  });

  it("spreads supply rates from stalled to complete", () => {
    const rates = approved.map((b) => supplyRate(b.id));
    expect(rates.some((r) => r === 1)).toBe(true);
    expect(rates.some((r) => r < 0.25)).toBe(true);
    expect(rates.some((r) => r > 0.4 && r < 0.8)).toBe(true);
  });

  it("keeps one batch still awaiting approval, its parcels planned", () => {
    const waiting = data.batches.filter((b) => !b.approvedOn);
    expect(waiting.length).toBe(1);
    expect(parcelsOf(waiting[0].id).length).toBeGreaterThan(0);
    expect(parcelsOf(waiting[0].id).every((p) => p.state === "planned")).toBe(true);
  });
});
