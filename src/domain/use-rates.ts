import { daysBetween } from "./dates";

/**
 * 开工率 / 竣工率 start and completion rates for a period ending E (docs/PRODUCT.md §6), by count and by area.
 * 应开工 (due to start) = parcels supplied by E whose agreed start (in force on E) is on or before E;
 * 已开工 = those of them started by E. 应竣工 / 已竣工 likewise with the agreed completion date and
 * completion. Only E matters: a parcel due earlier and still not started stays due. A parcel that
 * started before its agreed start, with that start still after E, is in neither count.
 */
export type UseFacts = {
  suppliedOn: string | null;
  startedOn: string | null;
  completedOn: string | null;
  agreedStartOn: string | null;
  agreedCompletionOn: string | null;
  areaM2: number;
};

export type RateTally = {
  dueCount: number;
  doneCount: number;
  dueAreaM2: number;
  doneAreaM2: number;
  /** done ÷ due by count, null when nothing is due. */
  countRate: number | null;
  /** done ÷ due by area, null when nothing is due. */
  areaRate: number | null;
};

const by = (on: string | null, e: string) => on !== null && on <= e;

function rate(
  parcels: readonly UseFacts[],
  isDue: (p: UseFacts) => boolean,
  isDone: (p: UseFacts) => boolean,
): RateTally {
  const due = parcels.filter(isDue);
  const done = due.filter(isDone);
  const dueAreaM2 = due.reduce((sum, p) => sum + p.areaM2, 0);
  const doneAreaM2 = done.reduce((sum, p) => sum + p.areaM2, 0);
  return {
    dueCount: due.length,
    doneCount: done.length,
    dueAreaM2,
    doneAreaM2,
    countRate: due.length > 0 ? done.length / due.length : null,
    areaRate: dueAreaM2 > 0 ? doneAreaM2 / dueAreaM2 : null,
  };
}

/** Start and completion rates for the period ending E. */
export function useRates(parcels: readonly UseFacts[], e: string): { start: RateTally; completion: RateTally } {
  const supplied = parcels.filter((p) => by(p.suppliedOn, e));
  return {
    start: rate(
      supplied,
      (p) => by(p.agreedStartOn, e),
      (p) => by(p.startedOn, e),
    ),
    completion: rate(
      supplied,
      (p) => by(p.agreedCompletionOn, e),
      (p) => by(p.completedOn, e),
    ),
  };
}

/**
 * 逾期未竣工: days a started parcel is late for its agreed completion on D (0 on that day itself, as
 * `overdue` counts from S itself), or null when it is not started, already completed, or not yet due.
 */
export function completionDaysLate(p: UseFacts, d: string): number | null {
  if (!by(p.startedOn, d) || by(p.completedOn, d) || !by(p.agreedCompletionOn, d)) return null;
  return daysBetween(p.agreedCompletionOn as string, d);
}
