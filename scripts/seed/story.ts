// The live district's story on any anchor (issue 9 item 8): the drafts are nudged, never invented, so
// each case below is a parcel the generator made, cut back to an earlier state or given other dates.
// No PRNG draw here: the rest of the data stays as it was, and the same drafts give the same story.
import { addDays, addYears, daysBetween } from "../../src/domain/dates";
import type { State } from "../../src/domain/chain";
import type { BatchPlan } from "./batches";
import type { DraftMove, ParcelDraft } from "./drafts";
import { paceDigestion } from "./pace";

/** A government-cause delay (政府原因延期) as src/parcels/delay.ts records it. */
export type DraftDelay = { on: string; cause: string; docNo: string; newAgreedStartOn: string };

const DELAY_CAUSES = ["因政府原因未能按期交地", "规划调整，政府原因延期开工"] as const;

const supplyOf = (p: ParcelDraft) => p.moves.find((m) => m.to === "supplied");

/** Keeps the moves up to and including the first one into `state`. */
function cutAfter(p: ParcelDraft, state: State): void {
  const i = p.moves.findIndex((m) => m.to === state);
  p.moves = p.moves.slice(0, i + 1);
}

/** Sets the agreed start and completion on the supply move (and on its mistyped twin, if any). */
function setAgreed(m: DraftMove, startOn: string, completionOn: string): void {
  for (const f of [m.fields, m.mistake?.fields]) {
    if (!f) continue;
    f.agreedStartOn = startOn;
    f.agreedCompletionOn = completionOn;
  }
}

/**
 * Takes unused drafts that pass `ok`, in draft order, up to `n`, marking them used so no parcel
 * tells two stories.
 */
function take(drafts: ParcelDraft[], used: Set<ParcelDraft>, n: number, ok: (p: ParcelDraft) => boolean) {
  const out: ParcelDraft[] = [];
  for (const p of drafts) {
    if (out.length >= n) break;
    if (!used.has(p) && ok(p)) {
      used.add(p);
      out.push(p);
    }
  }
  return out;
}

/** Supplied on or before `latest` (a parcel may sit unstarted after it). */
const suppliedBy = (latest: string) => (p: ParcelDraft) => {
  const s = supplyOf(p);
  return s !== undefined && s.on <= latest;
};

/** Writes the story into `drafts` for "today" = `anchor`, the year's digestion target being `targetMu`. */
export function tellStory(drafts: ParcelDraft[], plans: BatchPlan[], anchor: string, targetMu: number): void {
  const used = new Set<ParcelDraft>();
  // Approvals within 90 days of lapse: parcels of the batch approved about two years ago still only approved.
  const lapseFrom = addYears(anchor, -2);
  const lapsing = plans.find((b) => b.batch.approvedOn && b.batch.approvedOn >= lapseFrom);
  if (lapsing) {
    const ids = lapsing.batch.id;
    for (const p of take(drafts, used, 3, (p) => p.batchId === ids && p.moves.length > 0))
      p.moves = p.moves.slice(0, 1);
  }
  // Supplied-not-started land falling due within 7, 30 and 90 days (early warnings), two of each.
  for (const ahead of [5, 6, 20, 25, 60, 75]) {
    const startOn = addDays(anchor, ahead);
    for (const p of take(drafts, used, 1, suppliedBy(addDays(startOn, -60)))) {
      cutAfter(p, "supplied");
      setAgreed(supplyOf(p)!, startOn, addYears(startOn, 2));
    }
  }
  // Idle for over a year (土地闲置费) and over two (无偿收回): agreed starts long gone, never started.
  const cases: [string, number][] = [
    [addDays(addYears(anchor, -1), -40), 3],
    [addDays(addYears(anchor, -2), -50), 2],
  ];
  for (const [startOn, n] of cases)
    for (const p of take(drafts, used, n, suppliedBy(addDays(startOn, -60)))) {
      cutAfter(p, "supplied");
      setAgreed(supplyOf(p)!, startOn, addYears(startOn, 2));
    }
  // Two government-cause delays: one moves a start that had just passed; one moved an old start a year on.
  const delays: { original: string; on: string; to: string }[] = [
    { original: addDays(anchor, -20), on: addDays(anchor, -30), to: addDays(anchor, 150) },
    { original: addDays(anchor, -300), on: addDays(anchor, -310), to: addDays(anchor, 65) },
  ];
  delays.forEach((d, i) => {
    for (const p of take(drafts, used, 1, suppliedBy(addDays(d.on, -30)))) {
      cutAfter(p, "supplied");
      setAgreed(supplyOf(p)!, d.original, addYears(d.original, 2));
      const year = d.on.slice(0, 4);
      p.delays = [
        { on: d.on, cause: DELAY_CAUSES[i], docNo: `嘉南自然资函〔${year}〕${31 + i * 17}号`, newAgreedStartOn: d.to },
      ];
    }
  });
  // Started but past the agreed completion (逾期未竣工): construction still under way on the anchor.
  const overdue = take(drafts, used, 3, (p) => {
    const started = p.moves.find((m) => m.to === "started");
    const agreed = supplyOf(p)?.fields.agreedStartOn;
    return started !== undefined && typeof agreed === "string" && agreed <= addDays(anchor, -30);
  });
  for (const p of overdue) {
    cutAfter(p, "started");
    const s = supplyOf(p)!;
    const startOn = String(s.fields.agreedStartOn);
    setAgreed(s, startOn, addDays(anchor, -Math.min(60, daysBetween(startOn, anchor) - 1)));
  }
  paceDigestion(drafts, used, anchor, targetMu);
}
