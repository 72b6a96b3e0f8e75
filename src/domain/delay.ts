import { z } from "zod";
import { checkMoveDate } from "./chain";
import { isoDate, text } from "./fields";
import { delayAllowed, delayLimit } from "./idle-land";
import { issuesFromZod, type Issue } from "./issues";

/**
 * 政府原因延期 a government-cause delay of the agreed start (docs/PRODUCT.md §6, issue 9 §6): the cause,
 * the evidence document, the new agreed start and (optionally) its business date, today by default.
 */
export const delayInput = z.object({
  version: z.number().int().positive(),
  cause: text(500),
  docNo: text(100),
  newAgreedStartOn: isoDate,
  date: isoDate.optional(),
});
export type DelayInput = z.infer<typeof delayInput>;

/** What a delay needs to know of the parcel: its state, last move date and its agreed starts. */
export type DelayParcel = {
  state: string;
  lastMovedOn: string | null;
  agreedStartOn: string | null;
  originalAgreedStartOn: string | null;
};

export type DelayChecked =
  | { ok: true; value: DelayInput & { date: string }; previousAgreedStartOn: string; originalAgreedStartOn: string }
  | { ok: false; error: "validation" | "delay_not_supplied"; issues: Issue[] };

/**
 * Checks a delay: only a supplied parcel not yet started has an agreed start to move; the new date
 * must be later than the one in force and at most one year after the ORIGINAL one (idle-land.ts
 * delayAllowed); the business date follows the move date rules (not before the supply, not after today).
 * `body` is the version-checked parse of delayInput.
 */
export function validateDelay(p: DelayParcel, body: DelayInput, today: string): DelayChecked {
  const current = p.agreedStartOn;
  if (p.state !== "supplied" || current === null)
    return { ok: false, error: "delay_not_supplied", issues: [{ path: "_", code: "delay_not_supplied" }] };
  // Rows supplied before the original date was kept have only agreed_start_on, which is then the original.
  const original = p.originalAgreedStartOn ?? current;
  const date = body.date ?? today;
  const issues: Issue[] = [];
  const dateProblem = checkMoveDate(date, p.lastMovedOn, today);
  if (dateProblem) issues.push({ path: "date", code: dateProblem, params: { previous: p.lastMovedOn ?? "", today } });
  const limit = delayAllowed(original, current, body.newAgreedStartOn);
  if (limit)
    issues.push({ path: "newAgreedStartOn", code: limit, params: { current, original, limit: delayLimit(original) } });
  if (issues.length) return { ok: false, error: "validation", issues };
  return { ok: true, value: { ...body, date }, previousAgreedStartOn: current, originalAgreedStartOn: original };
}

/** Parses a delay body; the issues name the missing or malformed fields. */
export function parseDelay(body: unknown) {
  const parsed = delayInput.safeParse(body, { reportInput: true });
  return parsed.success
    ? { ok: true as const, value: parsed.data }
    : { ok: false as const, issues: issuesFromZod(parsed.error) };
}
