import { BATCH_AREAS } from "../domain/batches";
import { compact, number, present, text, type FormValues } from "../http/form";

/** The batch form's field names, in the order errors may name them. */
export const BATCH_FORM_FIELDS = [
  "name",
  "kind",
  "authority",
  "docNo",
  "approvedOn",
  "unit",
  ...BATCH_AREAS,
  "note",
] as const;

/** Schema paths onto form fields: an area input is one number box plus the form's one unit choice. */
export const BATCH_FORM_ALIASES: Record<string, string> = Object.fromEntries(
  BATCH_AREAS.flatMap((k) => [
    [`${k}.value`, k],
    [`${k}.unit`, "unit"],
  ]),
);

/**
 * The register form mapped onto the JSON shape `createBatch` takes (docs/PRODUCT.md §9 area input): every
 * area box filled becomes `{value, unit}` with the unit chosen once for the whole form.
 */
export function batchBody(f: FormValues) {
  const areas = Object.fromEntries(
    BATCH_AREAS.filter((k) => present(f[k])).map((k) => [k, { value: number(f[k]), unit: text(f.unit) }]),
  );
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
