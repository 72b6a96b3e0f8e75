// 农转用批次: the seed document's six H1 batches plus older urban batches and one still pending.
import type { Batch } from "../../src/db/schema";
import { addDays, addYears, daysBetween } from "../../src/domain/dates";
import type { DocNumbers } from "./docs";
import type { BatchKind } from "./paths";
import type { Rng } from "./random";
import { TOWNS, type TownInfo } from "./vocabulary";

export type BatchPlan = {
  batch: Batch;
  /** Relative share of the district's approved parcels. */
  weight: number;
  /** Chance that a parcel of this batch has been supplied by "today". */
  supplyRate: number;
  towns: readonly TownInfo[];
  /** When the batch was put together for submission: its parcels were registered from then on. */
  registeredOn: string;
};

const town = (name: string) => TOWNS.find((t) => t.name === name)!;

type Draft = Omit<BatchPlan, "batch" | "registeredOn"> & {
  name: string;
  kind: BatchKind;
  authority: string;
  issuer: string;
  approvedOn: string | null;
};

/**
 * The year of the last complete January–June on or before `anchor` (上半年): the anchor's own year from
 * 30 June on, else the year before — a live district on 1 May reports last year's half-year.
 */
export function halfYearOf(anchor: string): number {
  const year = Number(anchor.slice(0, 4));
  return anchor >= `${year}-06-30` ? year : year - 1;
}

// "上半年农转用6个批次，其中单独选址2个，增减挂4个" — in the order they were approved.
function firstHalfBatches(anchor: string): Draft[] {
  const year = String(halfYearOf(anchor));
  const on = (back: number) => addDays(`${year}-06-30`, -back);
  const linked = (n: number, t: string, back: number, rate: number): Draft => ({
    name: `南湖区${year}年度城乡建设用地增减挂钩第${n}批次（${t}）`,
    kind: "linked",
    authority: "省政府",
    issuer: "浙土字",
    approvedOn: on(back),
    weight: 0.6,
    supplyRate: rate,
    towns: [town(t)],
  });
  return [
    linked(1, "凤桥镇", 165, 0.35),
    {
      name: `嘉兴市域铁路枫南线（南湖段）工程建设用地（单独选址）`,
      kind: "standalone",
      authority: "国务院",
      issuer: "自然资函",
      approvedOn: on(140),
      weight: 0.45,
      supplyRate: 0.6,
      towns: [town("城南街道"), town("凤桥镇"), town("七星街道")],
    },
    linked(2, "余新镇", 110, 0.15),
    linked(3, "新丰镇", 80, 0.1),
    {
      name: `亚太路快速路（南湖段）工程建设用地（单独选址）`,
      kind: "standalone",
      authority: "省政府",
      issuer: "浙土字",
      approvedOn: on(50),
      weight: 0.45,
      supplyRate: 0.3,
      towns: [town("大桥镇"), town("七星街道"), town("东栅街道")],
    },
    linked(4, "大桥镇", 20, 0),
  ];
}

/** Urban batches for the five years before the anchor's; the oldest year's were approved early the next year. */
function urbanBatches(rng: Rng, anchor: string, perYear: number): Draft[] {
  const year = Number(anchor.slice(0, 4));
  const drafts: Draft[] = [];
  for (let label = year - 5; label < year; label++) {
    for (let i = 1; i <= perYear; i++) {
      const approvedOn =
        label === year - 5
          ? addDays(`${label + 1}-01-08`, Math.floor(((i - 0.5) / perYear) * 110))
          : addDays(`${label}-01-15`, Math.floor(((i - 0.5) / perYear) * 320) + rng.int(0, 10));
      const years = daysBetween(approvedOn, anchor) / 365;
      // Older batches are mostly supplied, but some stall: those are the ones the bureau must find.
      const rate = rng.chance(0.15)
        ? rng.int(5, 30) / 100
        : Math.min(0.97, Math.max(0.05, 0.1 + 0.22 * years + rng.int(-15, 15) / 100));
      drafts.push({
        name: `南湖区${label}年度第${i}批次城镇建设用地`,
        kind: "urban",
        authority: "省政府",
        issuer: "浙土字",
        approvedOn,
        weight: 0.6 + rng.next() * 0.8,
        supplyRate: rate,
        towns: TOWNS,
      });
    }
  }
  // A spread from complete to stalled, whatever the dice said.
  drafts[0].supplyRate = 1;
  drafts[1].supplyRate = 0.2;
  // One batch of two years ago approved just after the anchor's date then, so its unexpropriated
  // parcels are within 90 days of lapse (批准文件即将失效) on any anchor; kept inside its plan year.
  const lapsing = drafts[drafts.length - 2 * perYear];
  const twoYearsAgo = addYears(anchor, -2);
  lapsing.approvedOn = addDays(twoYearsAgo, Math.max(0, Math.min(45, daysBetween(twoYearsAgo, `${year - 2}-12-31`))));
  lapsing.supplyRate = 0.3;
  return drafts;
}

/** Every batch of the demo district, oldest first, with ids and document numbers issued in that order. */
export function planBatches(rng: Rng, docs: DocNumbers, anchor: string, size: number): BatchPlan[] {
  const year = anchor.slice(0, 4);
  const pending: Draft = {
    name: `南湖区${year}年度第1批次城镇建设用地`,
    kind: "urban",
    authority: "省政府",
    issuer: "浙土字",
    approvedOn: null,
    weight: 0,
    supplyRate: 0,
    towns: TOWNS,
  };
  const approved = [...urbanBatches(rng, anchor, Math.max(3, Math.round(size / 250))), ...firstHalfBatches(anchor)];
  approved.sort((a, b) => (a.approvedOn! < b.approvedOn! ? -1 : a.approvedOn! > b.approvedOn! ? 1 : 0));
  const firstDay = `${Number(year) - 4}-01-01`;
  return [...approved, pending].map((d, i) => {
    const back = addDays(d.approvedOn ?? anchor, -rng.int(90, 300));
    const registeredOn = d.approvedOn ? (back < firstDay ? firstDay : back) : addDays(anchor, -60);
    return {
      weight: d.weight,
      supplyRate: d.supplyRate,
      towns: d.towns,
      registeredOn,
      batch: {
        id: i + 1,
        name: d.name,
        kind: d.kind,
        authority: d.authority,
        docNo: d.approvedOn ? docs.next(d.issuer, d.approvedOn) : null,
        approvedOn: d.approvedOn,
        totalM2: null,
        agriculturalM2: null,
        cultivatedM2: null,
        unusedM2: null,
        newConstructionM2: null,
        note: d.approvedOn ? null : "报批中，待省政府批复",
        version: 1,
        createdAt: `${registeredOn}T00:30:00.000Z`,
        importId: null,
      },
    };
  });
}

/** Fills a batch's areas from its parcels: agricultural of which cultivated, unused, new construction. */
export function fillBatchAreas(rng: Rng, batch: Batch, parcelAreaM2: number): void {
  batch.totalM2 = parcelAreaM2;
  batch.agriculturalM2 = Math.round(parcelAreaM2 * (0.8 + rng.next() * 0.15));
  batch.cultivatedM2 = Math.round(batch.agriculturalM2 * (0.55 + rng.next() * 0.25));
  batch.unusedM2 = Math.min(parcelAreaM2 - batch.agriculturalM2, Math.round(parcelAreaM2 * rng.next() * 0.04));
  batch.newConstructionM2 = batch.agriculturalM2 + batch.unusedM2;
}
