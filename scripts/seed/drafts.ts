// One demo parcel before it gets its id: where it lies, what it is, and the moves it went through.
import type { Batch } from "../../src/db/schema";
import { toM2 } from "../../src/domain/area";
import type { State } from "../../src/domain/chain";
import { addDays, daysBetween } from "../../src/domain/dates";
import type { LandUse } from "../../src/domain/fields";
import type { MoveFields } from "../../src/domain/moves";
import type { BatchPlan } from "./batches";
import type { DocNumbers } from "./docs";
import { addHistory, type Mistake, type SurveyEdit } from "./history";
import { moveFields } from "./move-fields";
import { batchPath, scheduleDates, stockPath, type Origin } from "./paths";
import type { Rng } from "./random";
import type { DraftDelay } from "./story";
import { LAND_USE_WEIGHTS, NOTES, SIDES, TOWNS, type TownInfo } from "./vocabulary";

export type DraftMove = {
  from: State;
  to: State;
  on: string;
  fields: MoveFields;
  note: string | null;
  actorId: number;
  mistake?: Mistake;
};

export type ParcelDraft = {
  registeredOn: string;
  registered: "planned" | "reserved";
  reserveNo: string | null;
  town: TownInfo;
  village: number;
  name: string;
  landUse: LandUse;
  origin: Origin;
  areaM2: number;
  batchId: number | null;
  moves: DraftMove[];
  edit?: SurveyEdit;
  /** Government-cause delays after the supply (scripts/seed/story.ts). */
  delays?: DraftDelay[];
};

export type DraftContext = {
  rng: Rng;
  docs: DocNumbers;
  anchor: string;
  firstDay: string;
  actors: { officer: number; admin: number };
};

// Stock land taken back into the reserve lies in the built-up streets (街道), not the rural towns.
const STREETS = TOWNS.filter((t) => t.name.endsWith("街道"));

const weightsCache = new WeakMap<readonly TownInfo[], Record<string, number>>();
/** Town name → weight, built once per list (this runs for every parcel). */
function townWeights(towns: readonly TownInfo[]): Record<string, number> {
  let w = weightsCache.get(towns);
  if (!w) weightsCache.set(towns, (w = Object.fromEntries(towns.map((t) => [t.name, t.weight]))));
  return w;
}

/** Area in whole m² from a 亩 figure with two decimals; linear infrastructure runs longer. */
function areaM2(rng: Rng, standalone: boolean): number {
  const [lo, hi] = standalone
    ? [20, 220]
    : rng.pick([
        [3, 20],
        [20, 60],
        [20, 60],
        [60, 150],
        [150, 300],
      ] as const);
  return toM2(rng.int(lo * 100, hi * 100) / 100, "mu");
}

function location(rng: Rng, towns: readonly TownInfo[]) {
  const name = rng.weighted(townWeights(towns));
  const town = towns.find((t) => t.name === name)!;
  const place = rng.int(0, town.places.length - 1);
  return { town, village: place + 1, name: `${town.name}${town.places[place]}${rng.pick(SIDES)}地块` };
}

/** Dates and fields for `path`, which starts after the parcel reached `from` on `start`. */
function buildMoves(
  c: DraftContext,
  p: ParcelDraft,
  from: State,
  start: string,
  path: readonly State[],
  batch?: Batch,
): DraftMove[] {
  const { rng, docs } = c;
  const startOffset = rng.int(60, 365);
  const dates = scheduleDates(rng, start, from, path, c.anchor, startOffset);
  const moves: DraftMove[] = [];
  let prev = from;
  path.forEach((to, i) => {
    const fields = moveFields(rng, docs, {
      from: prev,
      to,
      date: dates[i],
      landUse: p.landUse,
      areaM2: p.areaM2,
      anchor: c.anchor,
      startOffset,
      lastMove: i === path.length - 1,
      batch: batch && { id: batch.id, docNo: batch.docNo },
    });
    moves.push({
      from: prev,
      to,
      on: dates[i],
      fields,
      note: rng.chance(0.1) ? rng.pick(NOTES) : null,
      actorId: rng.chance(0.9) ? c.actors.officer : c.actors.admin,
    });
    prev = to;
  });
  return moves;
}

/** A parcel of an approved batch: approved with the batch, then as far as its batch's supply rate takes it. */
export function draftBatchParcel(c: DraftContext, plan: BatchPlan): ParcelDraft {
  const { rng } = c;
  const b = plan.batch;
  const kind = b.kind;
  const standalone = kind === "standalone";
  const landUse = rng.weighted(LAND_USE_WEIGHTS[kind]);
  const origin: Origin = standalone || kind === "linked" || rng.chance(0.85) ? "collective" : "state";
  const where = location(rng, plan.towns);
  const name = standalone ? `${b.name.replace(/建设用地.*$/, "")}${where.town.name}段` : where.name;
  const registeredOn = addDays(
    plan.registeredOn,
    rng.int(0, Math.max(0, daysBetween(plan.registeredOn, b.approvedOn!) - 1)),
  );
  const p: ParcelDraft = {
    registeredOn,
    registered: "planned",
    reserveNo: null,
    ...where,
    name,
    landUse,
    origin,
    areaM2: areaM2(rng, standalone),
    batchId: b.id,
    moves: [],
  };
  const years = daysBetween(b.approvedOn!, c.anchor) / 365;
  const path = batchPath(rng, origin, kind, landUse, plan.supplyRate, years);
  p.moves = buildMoves(c, p, "planned", b.approvedOn!, ["approved", ...path], b);
  addHistory(c, p);
  return p;
}

/** State-owned stock land taken back into the reserve (存量土地收回收购): registered straight into `reserved`. */
export function draftStockParcel(c: DraftContext): ParcelDraft {
  const { rng } = c;
  const registeredOn = addDays(c.firstDay, rng.int(0, daysBetween(c.firstDay, c.anchor) - 20));
  const landUse = rng.weighted(LAND_USE_WEIGHTS.stock);
  const p: ParcelDraft = {
    registeredOn,
    registered: "reserved",
    reserveNo: c.docs.next("嘉南储", registeredOn),
    ...location(rng, STREETS),
    landUse,
    origin: "state",
    areaM2: areaM2(rng, false),
    batchId: null,
    moves: [],
  };
  p.moves = buildMoves(c, p, "reserved", registeredOn, stockPath(rng, daysBetween(registeredOn, c.anchor) / 365));
  addHistory(c, p);
  return p;
}

/** A parcel awaiting approval, in the pending batch or on its own; a few were dropped before approval. */
export function draftPlannedParcel(c: DraftContext, pending: BatchPlan | null): ParcelDraft {
  const { rng } = c;
  const registeredOn = addDays(c.anchor, -rng.int(5, 240));
  const landUse = rng.weighted(LAND_USE_WEIGHTS.urban);
  const p: ParcelDraft = {
    registeredOn,
    registered: "planned",
    reserveNo: null,
    ...location(rng, TOWNS),
    landUse,
    origin: rng.chance(0.9) ? "collective" : "state",
    areaM2: areaM2(rng, false),
    batchId: pending?.batch.id ?? null,
    moves: [],
  };
  if (!pending && rng.chance(0.3)) p.moves = buildMoves(c, p, "planned", registeredOn, ["withdrawn"]);
  addHistory(c, p);
  return p;
}
