// The untidy parts of a real record: areas revised by survey, and moves entered wrongly then corrected.
import { toM2, m2ToMu } from "../../src/domain/area";
import { addDays, daysBetween } from "../../src/domain/dates";
import type { MoveFields } from "../../src/domain/moves";
import type { DraftContext, ParcelDraft } from "./drafts";

/** An `edit` of the registered area after the survey (勘测定界), before the first move. */
export type SurveyEdit = { on: string; fromAreaM2: number };
/** A move first recorded with wrong fields, then undone by a `correction`, then recorded right. */
export type Mistake = { fields: MoveFields; reason: string };

const MISTAKE_REASONS = ["文号录入错误，撤销后重新录入", "误选地块，撤销后重新录入", "编号错录，更正"] as const;

/** The same document number, one off: the typo an officer corrects the same day. */
function typo(value: string): string {
  return /\d+号$/.test(value) ? value.replace(/(\d+)号$/, (_, n: string) => `${Number(n) + 1}号`) : `${value}1`;
}

/**
 * Sometimes: the registered area is revised by survey some days after registration (never after
 * the first move or "today"), and one move that records a document was first typed wrong.
 */
export function addHistory(c: DraftContext, p: ParcelDraft): void {
  const { rng } = c;
  const until = p.moves[0]?.on ?? c.anchor;
  const room = daysBetween(p.registeredOn, until);
  if (room >= 1 && rng.chance(0.25)) {
    const registeredMu = Math.round(m2ToMu(p.areaM2) * (0.93 + rng.next() * 0.14) * 100) / 100;
    const fromAreaM2 = toM2(Math.max(registeredMu, 0.5), "mu");
    if (fromAreaM2 !== p.areaM2) p.edit = { on: addDays(p.registeredOn, rng.int(1, room)), fromAreaM2 };
  }
  const typed = p.moves.filter((m) => typeof m.fields.docNo === "string" || typeof m.fields.reserveNo === "string");
  if (typed.length && rng.chance(0.08)) {
    const m = rng.pick(typed);
    const key = typeof m.fields.docNo === "string" ? "docNo" : "reserveNo";
    m.mistake = { fields: { ...m.fields, [key]: typo(String(m.fields[key])) }, reason: rng.pick(MISTAKE_REASONS) };
  }
}
