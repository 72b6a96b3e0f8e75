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
    area: { value: number(f.areaValue), unit: text(f.areaUnit) },
    batchId: number(f.batchId),
    note: text(f.note),
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
    body[k] = NUMERIC_MOVE_FIELDS.has(k) ? number(f[k]) : text(f[k]);
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
] as const;
export const REGISTER_ALIASES: Record<string, string> = {
  "area.value": "areaValue",
  "area.unit": "areaUnit",
  area: "areaValue",
};
