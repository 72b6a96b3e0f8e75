import { MILESTONES, type Milestone } from "./schedule";

// A project's actual milestone dates from its parcels' facts (docs/PRODUCT.md §7). The parcels' dates come from
// the as-of engine over their events; this only combines them, so a corrected event flows through.

/** The milestones parcels reach; `siting` (预审与选址意见书) is recorded on the project itself. */
export type ParcelMilestone = Exclude<Milestone, "siting">;
const PARCEL_MILESTONES = MILESTONES.filter((m): m is ParcelMilestone => m !== "siting");

export type ParcelFacts = {
  withdrawn: boolean;
  /** The day the parcel reached each milestone, if it did. */
  reachedOn: Partial<Record<ParcelMilestone, string | null>>;
};

export type Actuals = Readonly<Record<Milestone, string | null>>;

/**
 * The date a parcel passed `m` on or before `asOf`. A parcel that skipped `m` (state-owned land goes
 * to supply without 农转用 or 征收) passed it when it reached the first later milestone.
 */
function passedOn(p: ParcelFacts, m: ParcelMilestone, asOf: string): string | null {
  for (const later of PARCEL_MILESTONES.slice(PARCEL_MILESTONES.indexOf(m))) {
    const d = p.reachedOn[later];
    if (d && d <= asOf) return d;
  }
  return null;
}

/**
 * Each milestone's actual date on `asOf`: reached when every non-withdrawn parcel has reached it, on
 * the day the last of them did. No live parcels: nothing after siting is done.
 */
export function milestoneActuals(sitingOn: string | null, parcels: readonly ParcelFacts[], asOf: string): Actuals {
  const live = parcels.filter((p) => !p.withdrawn);
  const actuals = { siting: sitingOn !== null && sitingOn <= asOf ? sitingOn : null } as Record<
    Milestone,
    string | null
  >;
  for (const m of PARCEL_MILESTONES) {
    let last: string | null = null;
    let all = live.length > 0;
    for (const p of live) {
      const d = passedOn(p, m, asOf);
      if (d === null) all = false;
      else if (last === null || d > last) last = d;
    }
    actuals[m] = all ? last : null;
  }
  return actuals;
}
