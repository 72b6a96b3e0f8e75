import { isState } from "../domain/chain";
import { MOVE_FIELDS } from "../domain/moves";
import { compact, number, text, type FormValues } from "../http/form";

/** The register form mapped onto the JSON shape `registerParcel` takes (docs/PRODUCT.md §9 "Register input"). */
export function registerBody(f: FormValues) {
  const reserved = f.state === "reserved";
  return compact({
    code: text(f.code),
    name: text(f.name),
    town: text(f.town),
    landUse: text(f.landUse),
    origin: text(f.origin),
    // The value travels as typed: the schema reads "1,250.5" or "25.5亩" and says why it refuses.
    area: { value: text(f.areaValue), unit: text(f.areaUnit) },
    batchId: number(f.batchId),
    note: text(f.note),
    confirmArea: f.confirmArea ? true : undefined,
    state: reserved ? "reserved" : undefined,
    date: reserved ? text(f.date) : undefined,
    reserveNo: reserved ? text(f.reserveNo) : undefined,
  });
}

const NUMERIC_MOVE_FIELDS = new Set(["batchId", "priceWan"]);

/** The move form mapped onto the move input of docs/PRODUCT.md §9; only the chosen target's own fields travel. */
export function moveBody(f: FormValues) {
  const body: Record<string, unknown> = {
    to: text(f.to),
    date: text(f.date),
    version: number(f.version),
    note: text(f.note),
  };
  for (const k of isState(f.to) ? MOVE_FIELDS[f.to] : [])
    // The price travels as typed ("1,250.5", "1250.5万元"): the schema reads it and says why it refuses.
    body[k] = k === "priceWan" ? text(f[k]) : NUMERIC_MOVE_FIELDS.has(k) ? number(f[k]) : text(f[k]);
  return compact(body);
}

/** The delay form mapped onto `{version, cause, docNo, newAgreedStartOn, date?}`. */
export function delayBody(f: FormValues) {
  return compact({
    version: number(f.version),
    cause: text(f.cause),
    docNo: text(f.docNo),
    newAgreedStartOn: text(f.newAgreedStartOn),
    date: text(f.date),
  });
}

/** The correction form mapped onto `{version, reason}`. */
export function correctionBody(f: FormValues) {
  return compact({ version: number(f.version), reason: text(f.reason) });
}

/** A select left on "无" clears the link (null); anything else is read as an id. */
const optionalId = (v: string | undefined) => (v === undefined ? undefined : v.trim() === "" ? null : number(v));

/** The edit form mapped onto the PATCH input: every field as shown (the write records only what changed). */
export function editBody(f: FormValues) {
  return compact({
    version: number(f.version),
    name: text(f.name),
    town: text(f.town),
    landUse: text(f.landUse),
    origin: text(f.origin),
    area: f.areaValue === undefined ? undefined : { value: text(f.areaValue), unit: text(f.areaUnit) },
    batchId: optionalId(f.batchId),
    projectId: optionalId(f.projectId),
    reason: text(f.reason),
    confirmArea: f.confirmArea ? true : undefined,
  });
}

export const EDIT_FIELDS = [
  "name",
  "town",
  "landUse",
  "origin",
  "areaValue",
  "areaUnit",
  "batchId",
  "projectId",
  "reason",
  "confirmArea",
] as const;

export const REGISTER_FIELDS = [
  "code",
  "name",
  "town",
  "landUse",
  "origin",
  "areaValue",
  "areaUnit",
  "batchId",
  "note",
  "state",
  "date",
  "reserveNo",
  "confirmArea",
] as const;
export const REGISTER_ALIASES: Record<string, string> = {
  "area.value": "areaValue",
  "area.unit": "areaUnit",
  area: "areaValue",
};
