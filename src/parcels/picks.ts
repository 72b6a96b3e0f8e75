import { batchChoiceQuery, batchChoicesQuery } from "../batches/queries";
import type { Db } from "../db/client";
import { CHOICES_SHOWN, choiceId, choiceSearch, type ChoiceList, type NameRow } from "../domain/choices";
import type { FormValues } from "../http/form";
import { projectNameChoiceQuery, projectNameChoicesQuery } from "../projects/queries";

// The batch and project pickers of the parcel forms (views/components/choice-picker.tsx): what the form sent —
// the search under batchQ / projectQ, the chosen id under batchId / projectId — and the two reads each needs, sent
// in the page's own D1 batch: up to 31 matches in order (30 shown, one to know if more match) and the chosen one.

/** One picker's request; `limit` 0 (a form without this picker) reads nothing. */
export type Pick = { search: string; id: number | null; limit: number };

/** The picker named by `field` ("batchId" or "projectId", its search under "batchQ" or "projectQ") as sent. */
export function pickOf(values: FormValues, field: "batchId" | "projectId", shown = true): Pick {
  const search = choiceSearch(values[field.replace(/Id$/, "Q")]);
  return shown ? { search, id: choiceId(values[field]), limit: CHOICES_SHOWN + 1 } : { search, id: null, limit: 0 };
}

export const batchPickReads = (db: Db, p: Pick) =>
  [batchChoicesQuery(db, p.search, p.limit), batchChoiceQuery(db, p.id)] as const;

export const projectPickReads = (db: Db, p: Pick) =>
  [projectNameChoicesQuery(db, p.search, p.limit), projectNameChoiceQuery(db, p.id)] as const;

/** The picker's list from its two reads; `fallback` is the chosen one when the request named none (the parcel's own). */
export const pickList = (
  p: Pick,
  matches: NameRow[],
  chosen: NameRow[],
  fallback: NameRow | null = null,
): ChoiceList => ({
  search: p.search,
  matches,
  chosen: chosen[0] ?? fallback,
});

/** For the forms that show no batch picker (a correction, a delay): nothing read. */
export const NO_PICK: Pick = { search: "", id: null, limit: 0 };
