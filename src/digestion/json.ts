import { muRounded } from "../domain/area";
import type { Digestion } from "./figures";
import { cursorParam } from "./list-query";

/** The API shape of docs/PRODUCT.md §9 "Digestion": areas as areaM2 + areaMu/areaHa, the work list paged by cursor. */
export function digestionJson(d: Digestion) {
  const { workList, burnDown, paceNeededM2PerWeek, ...rest } = d;
  return {
    ...rest,
    paceNeededMuPerWeek: paceNeededM2PerWeek === null ? null : muRounded(paceNeededM2PerWeek),
    burnDown: burnDown.map((w) => ({
      ...w,
      digestedMu: w.digestedM2 === null ? null : muRounded(w.digestedM2),
      lineMu: muRounded(w.lineM2),
    })),
    workList: workList.items.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      town: p.town,
      approvedOn: p.approvedOn,
      batchId: p.batchId,
      areaM2: p.areaM2,
      areaMu: p.areaMu,
      areaHa: p.areaHa,
      lapse: p.lapse,
    })),
    nextCursor: workList.next ? cursorParam(workList.next) : null,
  };
}
