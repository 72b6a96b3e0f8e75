import type { Parcel } from "../db/schema";
import type { ParcelEventView } from "./queries";
import { areaFields } from "../domain/area";

/** The API shape of a parcel (docs/PRODUCT.md §9): camelCase, areas in m² plus 亩 and 公顷, price in 万元. */
export function parcelJson(p: Parcel) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    town: p.town,
    landUse: p.landUse,
    origin: p.origin,
    state: p.state,
    version: p.version,
    ...areaFields(p.areaM2),
    batchId: p.batchId,
    projectId: p.projectId,
    lastMovedOn: p.lastMovedOn,
    approvedOn: p.approvedOn,
    approvalDocNo: p.approvalDocNo,
    acquiredOn: p.acquiredOn,
    acquisitionDocNo: p.acquisitionDocNo,
    reservedOn: p.reservedOn,
    reserveNo: p.reserveNo,
    suppliedOn: p.suppliedOn,
    supplyMethod: p.supplyMethod,
    supplyDocNo: p.supplyDocNo,
    landUser: p.landUser,
    priceWan: p.priceYuan === null ? null : p.priceYuan / 10000,
    agreedStartOn: p.agreedStartOn,
    // 原约定开工日期: the supply's own date, before any government-cause delay.
    originalAgreedStartOn: p.originalAgreedStartOn ?? p.agreedStartOn,
    agreedCompletionOn: p.agreedCompletionOn,
    supervisionNo: p.supervisionNo,
    startedOn: p.startedOn,
    permitNo: p.permitNo,
    completedOn: p.completedOn,
    withdrawnOn: p.withdrawnOn,
    withdrawalDocNo: p.withdrawalDocNo,
    withdrawalReason: p.withdrawalReason,
    createdAt: p.createdAt,
  };
}

/** An event in the API: the move's recorded fields spread beside the common ones. */
export function eventJson(e: ParcelEventView) {
  return {
    ...(JSON.parse(e.data) as Record<string, unknown>),
    id: e.id,
    kind: e.kind,
    from: e.fromState,
    to: e.toState,
    date: e.on,
    actor: e.actor,
    recordedAt: e.recordedAt,
    note: e.note,
    version: e.version,
    revertsEventId: e.revertsEventId,
  };
}
