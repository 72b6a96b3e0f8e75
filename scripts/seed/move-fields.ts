// The fields each demo move records, named exactly as the move API takes them (docs/PRODUCT.md §9 "Move input").
import type { State } from "../../src/domain/chain";
import { m2ToMu } from "../../src/domain/area";
import { addDays, daysBetween } from "../../src/domain/dates";
import type { LandUse } from "../../src/domain/fields";
import type { MoveFields } from "../../src/domain/moves";
import type { DocNumbers } from "./docs";
import { ALLOCATED_USES } from "./paths";
import type { Rng } from "./random";
import { landUserFor, PRICE_WAN_PER_MU, REASONS } from "./vocabulary";

export type MoveContext = {
  from: State;
  to: State;
  date: string;
  landUse: LandUse;
  areaM2: number;
  anchor: string;
  /** Days from supply to the agreed start (约定开工). */
  startOffset: number;
  /** True when nothing follows the supply, so the agreed start may fall just after "today". */
  lastMove: boolean;
  batch?: { id: number; docNo: string | null };
};

function supplyMethod(rng: Rng, c: MoveContext): string {
  if (c.from === "acquired" || ALLOCATED_USES.includes(c.landUse)) return "allocation";
  if (c.landUse === "industrial") return rng.weighted({ listing: 75, agreement: 15, lease: 5, capital: 5 });
  if (c.landUse === "other") return rng.weighted({ listing: 60, agreement: 40 });
  return rng.weighted({ listing: 70, auction: 20, tender: 10 });
}

const CONTRACT_ISSUER: Record<string, string> = { allocation: "嘉南划拨", lease: "嘉南租赁", capital: "嘉南作价" };

/** 约定开工: usually `startOffset` days after supply; some land that is still unbuilt falls due just after "today". */
function agreedStart(rng: Rng, c: MoveContext): string {
  if (c.lastMove && rng.chance(0.35)) {
    const soon = addDays(c.anchor, rng.int(3, 88));
    const lead = daysBetween(c.date, soon);
    if (lead >= 30 && lead <= 730) return soon;
  }
  return addDays(c.date, c.startOffset);
}

function supplyFields(rng: Rng, docs: DocNumbers, c: MoveContext): MoveFields {
  const method = supplyMethod(rng, c);
  const range = PRICE_WAN_PER_MU[c.landUse] ?? [30, 80];
  // Whole 百元, so 万元 has two decimals and converts to integer 元 exactly.
  const priceWan =
    method === "allocation" ? undefined : Math.round(m2ToMu(c.areaM2) * rng.int(range[0], range[1]) * 100) / 100;
  const startOn = agreedStart(rng, c);
  return {
    method,
    docNo: docs.next(CONTRACT_ISSUER[method] ?? "嘉南出让", c.date),
    landUser: landUserFor(c.landUse, (items) => rng.pick(items)),
    ...(priceWan === undefined ? {} : { priceWan: Math.max(priceWan, 0.01) }),
    agreedStartOn: startOn,
    agreedCompletionOn: addDays(startOn, rng.int(365, 1095)),
    ...(rng.chance(0.8) ? { supervisionNo: docs.supervision(c.date) } : {}),
    ...(c.from === "acquired" ? { reason: rng.pick(REASONS.skipToSupply) } : {}),
  };
}

/** The fields of the move `c.from → c.to` on `c.date`. */
export function moveFields(rng: Rng, docs: DocNumbers, c: MoveContext): MoveFields {
  switch (c.to) {
    case "approved":
      if (!c.batch?.docNo) throw new Error("an approval needs its batch's document");
      return { docNo: c.batch.docNo, batchId: c.batch.id };
    case "acquired":
      return { docNo: docs.next("嘉南征", c.date) };
    case "reserved":
      return {
        reserveNo: docs.next("嘉南储", c.date),
        ...(c.from === "approved" ? { reason: rng.pick(REASONS.skipToReserve) } : {}),
      };
    case "supplied":
      return supplyFields(rng, docs, c);
    case "started":
      return { permitNo: docs.permit(c.date) };
    case "withdrawn":
      return c.from === "planned"
        ? { docNo: docs.next("嘉南自然资", c.date), reason: rng.pick(REASONS.withdrawPlanned) }
        : {
            docNo: docs.next("浙土字", c.date),
            reason: rng.pick(c.from === "approved" ? REASONS.withdrawApproved : REASONS.withdrawLater),
          };
    default:
      return {};
  }
}
