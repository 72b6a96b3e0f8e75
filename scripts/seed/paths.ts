// Which states a demo parcel passes through, and when: the chain rules of docs/PRODUCT.md §3 in data.
import type { State } from "../../src/domain/chain";
import { addDays, daysBetween } from "../../src/domain/dates";
import type { LandUse } from "../../src/domain/fields";
import type { Rng } from "./random";

export type Origin = "collective" | "state";
export type BatchKind = "urban" | "standalone" | "linked";

// Land the government uses itself is allocated (划拨), never sold.
export const ALLOCATED_USES: readonly LandUse[] = ["public", "transport", "water", "special"];

/** After supply: how far construction got, by how many years the land has had. */
function useStage(rng: Rng, years: number): State[] {
  const w =
    years >= 3
      ? { supplied: 25, started: 35, completed: 40 }
      : years >= 1.5
        ? { supplied: 40, started: 45, completed: 15 }
        : years >= 0.5
          ? { supplied: 60, started: 40 }
          : { supplied: 75, started: 25 };
  const final = rng.weighted<"supplied" | "started" | "completed">(w);
  return final === "supplied" ? [] : final === "started" ? ["started"] : ["started", "completed"];
}

/** The moves after a batch approval: supplied with probability `supplyRate`, otherwise stuck or withdrawn. */
export function batchPath(
  rng: Rng,
  origin: Origin,
  kind: BatchKind,
  use: LandUse,
  supplyRate: number,
  years: number,
): State[] {
  if (rng.next() < supplyRate) {
    // State land has nothing to expropriate; standalone-site projects are allocated without the reserve.
    const toSupply: State[] =
      origin === "state"
        ? ["reserved", "supplied"]
        : kind === "standalone" || (ALLOCATED_USES.includes(use) && rng.chance(0.3))
          ? ["acquired", "supplied"]
          : ["acquired", "reserved", "supplied"];
    return [...toSupply, ...useStage(rng, years)];
  }
  // Unsupplied land of a young batch is mostly still being expropriated; old stock gets withdrawn.
  const reached: State[] = origin === "state" ? ["reserved"] : ["acquired", "reserved"];
  const stop = rng.int(0, years < 0.25 ? 0 : years < 0.6 ? 1 : reached.length); // 0: still only approved
  const path = reached.slice(0, stop);
  return rng.chance(years < 0.5 ? 0.03 : 0.13) ? [...path, "withdrawn"] : path;
}

/** The moves of a state-owned parcel registered straight into the reserve (存量土地收回收购). */
export function stockPath(rng: Rng, years: number): State[] {
  if (rng.chance(0.1)) return ["withdrawn"];
  return rng.chance(0.4) ? [] : ["supplied", ...useStage(rng, years)];
}

// Typical days between two steps; a parcel whose steps would run past "today" has them compressed.
const GAPS: Record<string, [number, number]> = {
  "planned>approved": [0, 0], // a batch parcel is approved on its batch's approval date
  "approved>acquired": [30, 300],
  "acquired>reserved": [10, 150],
  "approved>reserved": [20, 240],
  "reserved>supplied": [20, 540],
  "acquired>supplied": [10, 120],
  "started>completed": [240, 900],
  "planned>withdrawn": [20, 200],
  "*>withdrawn": [60, 700],
};

/**
 * Business dates for `path`, starting after `start` (the date the parcel reached `from`): never
 * decreasing, never after `anchor`. `startOffset` is the agreed start after supply (约定开工), so
 * construction starts around it.
 */
export function scheduleDates(
  rng: Rng,
  start: string,
  from: State,
  path: readonly State[],
  anchor: string,
  startOffset: number,
): string[] {
  const gaps: number[] = [];
  let prev = from;
  for (const to of path) {
    const range =
      to === "started"
        ? [Math.max(1, startOffset - 45), startOffset + 120]
        : (GAPS[`${prev}>${to}`] ?? GAPS[`*>${to}`]);
    if (!range) throw new Error(`no gap for ${prev}>${to}`);
    gaps.push(rng.int(range[0], range[1]));
    prev = to;
  }
  const window = daysBetween(start, anchor);
  const total = gaps.reduce((s, g) => s + g, 0);
  // Compressed steps end somewhere before "today", not all on it.
  const scale = total > window ? (window * (0.6 + 0.4 * rng.next())) / total : 1;
  const dates: string[] = [];
  let day = start;
  for (const g of gaps) dates.push((day = addDays(day, Math.floor(g * scale))));
  return dates;
}
