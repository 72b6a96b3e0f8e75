import { compact, number, text, type FormValues } from "../http/form";

// Browser forms → the JSON shapes the writes take (the API's bodies), so both go through one schema.

export const PROJECT_FORM_FIELDS = [
  "name",
  "owner",
  "category",
  "leader",
  "department",
  "town",
  "sitingDocNo",
  "sitingOn",
  "targetStartOn",
  "targetCompletionOn",
] as const;

export const projectBody = (f: FormValues) =>
  compact(Object.fromEntries(PROJECT_FORM_FIELDS.map((k) => [k, text(f[k])])));

export const REPLAN_FIELDS = ["targetStartOn", "targetCompletionOn", "reason"] as const;
export const replanBody = (f: FormValues) =>
  compact({
    targetStartOn: text(f.targetStartOn),
    targetCompletionOn: text(f.targetCompletionOn),
    reason: text(f.reason),
    version: number(f.version),
  });

export const PROBLEM_FIELDS = ["text", "milestone", "unit", "owner", "dueOn"] as const;
export const problemBody = (f: FormValues) => compact(Object.fromEntries(PROBLEM_FIELDS.map((k) => [k, text(f[k])])));

/** The resolve form: status resolved with its resolution. */
export const resolveBody = (f: FormValues) =>
  compact({ status: "resolved", resolution: text(f.resolution), version: number(f.version) });
