import type { Context } from "hono";
import { isState } from "../domain/chain";
import { parseDecimal, type NumberUnit } from "../domain/numbers";
import type { Issue } from "../domain/issues";
import { t, type Lang } from "../i18n";
import { describeIssues } from "./respond";

/** A browser form as typed: field name → text. Kept verbatim so a refused form comes back as it was. */
export type FormValues = Record<string, string>;
/** Field name → the message shown beside it; "_" holds what belongs to no visible field. */
export type FieldErrors = Record<string, string>;

/** The form body as strings (files and repeated names ignored), each capped so a huge field cannot balloon a page. */
export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody();
  const values: FormValues = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") values[k] = v.slice(0, 2000);
  return values;
}

/** A field holds something other than white space. */
export const present = (v: string | undefined): v is string => v !== undefined && v.trim() !== "";
/** Blank → absent, so the shared schemas report "required" rather than an empty string. */
export const text = (v: string | undefined) => (present(v) ? v : undefined);
/**
 * A number as an officer types it ("1,250.5", full-width "１２.５"; domain/numbers.ts) becomes a number; anything
 * else stays text so the schema refuses it. A field with a unit (亩, 万元) passes `unit`, so "25.5亩" is read too.
 */
export const number = (v: string | undefined, unit?: NumberUnit) => {
  if (!present(v)) return undefined;
  const r = parseDecimal(v, unit);
  return r.ok ? r.value : v;
};
/** Drops the absent keys, so a JSON schema sees exactly what was filled in. */
export const compact = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

// A refused move names its states as codes; a person reads them as words ("已批准", not "approved").
function namedStates(lang: Lang, issue: Issue): Issue {
  if (!issue.params) return issue;
  const params = { ...issue.params };
  for (const k of ["from", "to"]) if (isState(params[k])) params[k] = t(lang, `state.${params[k]}`);
  return { ...issue, params };
}

/**
 * Issues as messages keyed by the form field they belong to. `aliases` maps schema paths onto
 * field names (an area object is two inputs); a path naming no visible field goes under "_".
 */
export function fieldErrors(
  lang: Lang,
  issues: Issue[],
  fields: readonly string[],
  aliases: Record<string, string> = {},
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of describeIssues(
    lang,
    issues.map((i) => namedStates(lang, i)),
  )) {
    const name = aliases[issue.path] ?? issue.path;
    const key = fields.includes(name) ? name : "_";
    const message = key === "_" && issue.path !== "_" ? `${issue.path}: ${issue.message}` : issue.message;
    errors[key] = errors[key] ? `${errors[key]}；${message}` : message;
  }
  return errors;
}
