// The demo district (docs/PRODUCT.md §10): pure and deterministic, so tests run it inside workerd and the
// benchmark gets the same data at any size. Node-only I/O lives in scripts/seed.ts.
import type { AnnualTarget, Batch, Parcel, ParcelEvent, User } from "../../src/db/schema";
import { toM2 } from "../../src/domain/area";
import { STATES, type State } from "../../src/domain/chain";
import { fillBatchAreas, planBatches, type BatchPlan } from "./batches";
import { DocNumbers } from "./docs";
import { draftBatchParcel, draftPlannedParcel, draftStockParcel, type DraftContext, type ParcelDraft } from "./drafts";
import { finalizeParcels } from "./finalize";
import { generateProjects, type ProjectSeed } from "./projects";
import { Rng } from "./random";
import { tellStory } from "./story";
import { DEMO_USERS } from "./vocabulary";

export type SeedOptions = {
  /** Number of parcels. */
  size: number;
  /** PRNG seed: the same seed and options give the same data. */
  seed: number;
  /** "Today" for the data (YYYY-MM-DD): no business date falls after it. */
  anchor: string;
  /** The demo users' shared password, already hashed (src/auth/password.ts). */
  passwordHash: string;
};

export type SeedData = {
  users: User[];
  batches: Batch[];
  parcels: Parcel[];
  events: ParcelEvent[];
  projects: ProjectSeed;
  /** The anchor year's 年度目标 and the history row that records who set it. */
  targets: AnnualTarget[];
  targetHistory: TargetHistoryRow[];
};

export type TargetHistoryRow = {
  id: number;
  year: number;
  digestionM2: number;
  startRatePct: number;
  completionRatePct: number;
  actorId: number;
  at: string;
};

/** The year's digestion target in 亩 (年度消化目标). */
const TARGET_MU = 1800;

/** "2023年度力争消化批而未供土地1800亩以上": the work summary's target, set by the admin early in the anchor's year. */
function yearTarget(anchor: string, adminId: number): { targets: AnnualTarget[]; targetHistory: TargetHistoryRow[] } {
  const year = Number(anchor.slice(0, 4));
  const on = anchor < `${year}-01-05` ? anchor : `${year}-01-05`;
  const at = `${on}T01:30:00.000Z`;
  const t = { year, digestionM2: toM2(TARGET_MU, "mu"), startRatePct: 100, completionRatePct: 90 };
  return {
    targets: [{ ...t, version: 1, updatedBy: adminId, updatedAt: at }],
    targetHistory: [{ id: 1, ...t, actorId: adminId, at }],
  };
}

/**
 * The default of `db:seed`, tests and the bench: a few hundred parcels, dated 2019–2023, "today" being the end of
 * the seed document's half-year. `npm run dev` replaces the anchor with the real date (scripts/dev.ts).
 */
export const DEMO_DEFAULTS = { size: 360, seed: 20230630, anchor: "2023-06-30" } as const;

/** Splits `n` over `weights` proportionally, the rounding remainder going to the largest fractions. */
export function apportion(n: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (n * w) / sum : 0));
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((e, i) => ({ i, f: e - Math.floor(e) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (let k = 0; left > 0 && sum > 0; k = (k + 1) % order.length, left--) counts[order[k].i] += 1;
  return counts;
}

function draftAll(c: DraftContext, plans: BatchPlan[], size: number): ParcelDraft[] {
  const pending = plans.find((p) => !p.batch.approvedOn) ?? null;
  const approved = plans.filter((p) => p !== pending);
  const planned = Math.round(size * 0.06);
  const stock = Math.round(size * 0.06);
  const counts = apportion(
    size - planned - stock,
    approved.map((p) => p.weight),
  );
  const drafts: ParcelDraft[] = [];
  approved.forEach((plan, i) => {
    for (let k = 0; k < counts[i]; k++) drafts.push(draftBatchParcel(c, plan));
  });
  for (let k = 0; k < stock; k++) drafts.push(draftStockParcel(c));
  for (let k = 0; k < planned; k++) drafts.push(draftPlannedParcel(c, k % 2 === 0 ? pending : null));
  return drafts;
}

/** Generates the demo district: users, batches, parcels with their events (the database's triggers keep the totals). */
export function generateSeed(o: SeedOptions): SeedData {
  if (!Number.isInteger(o.size) || o.size < 1) throw new Error(`size must be a positive integer, got ${o.size}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.anchor)) throw new Error(`anchor must be YYYY-MM-DD, got ${o.anchor}`);
  const rng = new Rng(o.seed);
  const docs = new DocNumbers(rng);
  const firstDay = `${Number(o.anchor.slice(0, 4)) - 4}-01-01`;
  const users: User[] = DEMO_USERS.map((u, i) => ({
    id: i + 1,
    ...u,
    passwordHash: o.passwordHash,
    active: true,
    createdAt: `${firstDay}T00:00:00.000Z`,
  }));
  const actors = { admin: users[0].id, officer: users[1].id };
  const plans = planBatches(rng, docs, o.anchor, o.size);
  const drafts = draftAll({ rng, docs, anchor: o.anchor, firstDay, actors }, plans, o.size);
  tellStory(drafts, plans, o.anchor, TARGET_MU);
  const { parcels, events } = finalizeParcels(rng, drafts, actors.officer);
  const areaByBatch = new Map<number, number>();
  for (const p of parcels)
    if (p.batchId !== null) areaByBatch.set(p.batchId, (areaByBatch.get(p.batchId) ?? 0) + p.areaM2);
  const batches = plans.map((p) => p.batch);
  for (const b of batches) if (areaByBatch.has(b.id)) fillBatchAreas(rng, b, areaByBatch.get(b.id)!);
  // Last, with a PRNG of its own: the projects change no other draw (scripts/seed/projects.ts).
  const lead = users.find((u) => u.role === "lead") ?? users[0];
  const projects = generateProjects(o.seed, parcels, o.anchor, lead.id);
  return { users, batches, parcels, events, projects, ...yearTarget(o.anchor, actors.admin) };
}
