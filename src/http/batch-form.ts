import { BATCH_AREAS } from "../domain/batches";
import type { FormValues } from "./parcel-form";

const present = (v: string | undefined): v is string => v !== undefined && v.trim() !== "";
/** Blank → absent, so the shared schema reports "required" rather than an empty string. */
const text = (v: string | undefined) => (present(v) ? v : undefined);
// A plain decimal becomes a number; anything else stays text so the schema calls it malformed.
const number = (v: string | undefined) => (present(v) ? (/^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v) : undefined);
const compact = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The batch form's field names, in the order errors may name them. */
export const BATCH_FORM_FIELDS = ["name", "kind", "authority", "docNo", "approvedOn", "unit", ...BATCH_AREAS, "note"] as const;

/** Schema paths onto form fields: an area input is one number box plus the form's one unit choice. */
export const BATCH_FORM_ALIASES: Record<string, string> = Object.fromEntries(
  BATCH_AREAS.flatMap((k) => [[`${k}.value`, k], [`${k}.unit`, "unit"]]),
);

/**
 * The register form mapped onto the JSON shape `createBatchOp` takes (SPEC §9 area input): every
 * area box filled becomes `{value, unit}` with the unit chosen once for the whole form.
 */
export function batchBody(f: FormValues) {
  const areas = Object.fromEntries(BATCH_AREAS.filter((k) => present(f[k])).map((k) => [k, { value: number(f[k]), unit: text(f.unit) }]));
  return compact({
    name: text(f.name),
    kind: text(f.kind),
    authority: text(f.authority),
    docNo: text(f.docNo),
    approvedOn: text(f.approvedOn),
    note: text(f.note),
    ...areas,
  });
}

/** The approval form mapped onto `{docNo, date}`. */
export const approvalBody = (f: FormValues) => compact({ docNo: text(f.docNo), date: text(f.date) });
