// Digestion progress plausible for the date (issue 9 item 8): of the year-start stock (批而未供), the
// parcels supplied or withdrawn since 1 January add up to a little behind the straight line to the
// 1,800 亩 target, so /digestion shows a live year rather than one already won by May.
import { toM2 } from "../../src/domain/area";
import { daysBetween } from "../../src/domain/dates";
import type { ParcelDraft } from "./drafts";

/** The share of the straight line the district has reached: a little behind schedule, as the work summary fears. */
const PACE = 0.85;

const outIndex = (p: ParcelDraft) => p.moves.findIndex((m) => m.to === "supplied" || m.to === "withdrawn");

/**
 * Cuts back the parcels digested this year beyond the pace (latest first), leaving them in the stock as
 * they were before; the parcels in `keep` tell other parts of the story and stay as they are.
 */
export function paceDigestion(drafts: ParcelDraft[], keep: ReadonlySet<ParcelDraft>, anchor: string, targetMu: number) {
  const year = Number(anchor.slice(0, 4));
  const yearEnd = `${year - 1}-12-31`;
  const share = (daysBetween(`${year}-01-01`, anchor) + 1) / (daysBetween(`${year}-01-01`, `${year}-12-31`) + 1);
  let room = toM2(targetMu, "mu") * share * PACE;
  const digested = drafts.filter((p) => {
    const approved = p.moves.find((m) => m.to === "approved");
    const out = p.moves[outIndex(p)];
    return (
      approved !== undefined && approved.on <= yearEnd && out !== undefined && out.on > yearEnd && out.on <= anchor
    );
  });
  for (const p of digested) if (keep.has(p)) room -= p.areaM2;
  const byDate = digested.filter((p) => !keep.has(p)).map((p) => ({ p, on: p.moves[outIndex(p)].on }));
  byDate.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  for (const { p } of byDate) {
    if (p.areaM2 <= room) room -= p.areaM2;
    else p.moves = p.moves.slice(0, outIndex(p));
  }
}
