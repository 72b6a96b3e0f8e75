import { z } from "zod";
import { checkMoveDate, moveKind, STATES, type State } from "./chain";
import { isIsoDate } from "./dates";
import { decimal, isoDate, MULTILINE, optionalText, positiveId, text } from "./fields";
import { issuesFromZod, type Issue } from "./issues";
import { supervisionNo } from "./supervision";

export const SUPPLY_METHODS = ["allocation", "agreement", "tender", "auction", "listing", "lease", "capital"] as const;

/** What every move carries. */
export const moveBase = z.object({
  to: z.enum(STATES),
  date: isoDate,
  version: z.number().int().positive(),
  note: optionalText(500, MULTILINE),
});

const docNo = text(100);
const reason = optionalText(500, MULTILINE);

// The fields each target state records (docs/PRODUCT.md §3, §9 "Move input").
const targetFields = {
  planned: z.object({}),
  approved: z.object({ docNo, batchId: positiveId.optional() }),
  acquired: z.object({ docNo }),
  reserved: z.object({ reserveNo: text(100), reason }),
  supplied: z.object({
    method: z.enum(SUPPLY_METHODS),
    docNo,
    landUser: text(200),
    // 万元, as a number or as typed ("1,250.5", "1250.5万元"): domain/numbers.ts.
    priceWan: decimal("wan").pipe(z.number().nonnegative().max(1e8).optional()).optional(),
    agreedStartOn: isoDate,
    agreedCompletionOn: isoDate,
    supervisionNo,
    reason,
  }),
  started: z.object({ permitNo: text(100) }),
  completed: z.object({}),
  withdrawn: z.object({ docNo, reason: text(500, MULTILINE) }),
} satisfies Record<State, z.ZodType>;

/** Names of the fields a move to `to` asks for, in form order (the move form shows exactly these). */
export const MOVE_FIELDS: Record<State, readonly string[]> = {
  planned: [],
  approved: ["docNo", "batchId"],
  acquired: ["docNo"],
  reserved: ["reserveNo", "reason"],
  supplied: [
    "method",
    "docNo",
    "landUser",
    "priceWan",
    "agreedStartOn",
    "agreedCompletionOn",
    "supervisionNo",
    "reason",
  ],
  started: ["permitNo"],
  completed: [],
  withdrawn: ["docNo", "reason"],
};

export type MoveFields = Record<string, string | number | undefined>;

export type MoveOk = { ok: true; to: State; date: string; note?: string; fields: MoveFields };
export type MoveRefused = { ok: false; error: "invalid_move" | "validation"; issues: Issue[] };

/**
 * Checks a move against the chain, the target's required fields and the date rules.
 * `body` has passed `moveBase` already (so `to`, `date`, `version` are well-typed).
 */
export function validateMove(
  parcel: { state: State; lastMovedOn: string | null },
  body: z.infer<typeof moveBase> & Record<string, unknown>,
  today: string,
): MoveOk | MoveRefused {
  const kind = moveKind(parcel.state, body.to);
  if (!kind)
    return {
      ok: false,
      error: "invalid_move",
      issues: [{ path: "to", code: "invalid_move", params: { from: parcel.state, to: body.to } }],
    };
  const parsed = targetFields[body.to].safeParse(body, { reportInput: true });
  const issues: Issue[] = parsed.success ? [] : issuesFromZod(parsed.error);
  if (body.to === "supplied") issues.push(...supplyRules(body));
  if (kind === "skip" && !(typeof body.reason === "string" && body.reason.trim()))
    issues.push({ path: "reason", code: "skip_needs_reason" });
  const dateProblem = checkMoveDate(body.date, parcel.lastMovedOn, today);
  if (dateProblem)
    issues.push({ path: "date", code: dateProblem, params: { previous: parcel.lastMovedOn ?? "", today } });
  if (!parsed.success || issues.length) return { ok: false, error: "validation", issues };
  return { ok: true, to: body.to, date: body.date, note: body.note, fields: parsed.data as MoveFields };
}

// Checked beside the schema (not in a refinement) so they are reported together with missing fields.
function supplyRules(body: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const price = body.priceWan;
  const noPrice = price === undefined || price === null || (typeof price === "string" && price.trim() === "");
  if (body.method !== "allocation" && noPrice) issues.push({ path: "priceWan", code: "required" });
  const start = body.agreedStartOn,
    end = body.agreedCompletionOn;
  if (typeof start === "string" && typeof end === "string" && isIsoDate(start) && isIsoDate(end) && end < start)
    issues.push({ path: "agreedCompletionOn", code: "completion_before_start" });
  return issues;
}

/** Parses the common part of a move; the issues name the missing or malformed fields. */
export function parseMoveBase(body: unknown) {
  const parsed = moveBase.safeParse(body, { reportInput: true });
  return parsed.success
    ? { ok: true as const, value: parsed.data }
    : { ok: false as const, issues: issuesFromZod(parsed.error) };
}
