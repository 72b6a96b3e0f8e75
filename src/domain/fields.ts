import { z } from "zod";
import { AREA_UNITS, toM2 } from "./area";
import { parseDecimal, type NumberUnit } from "./numbers";
import { isIsoDate } from "./dates";

// Characters a reader cannot see or that reorder what they see: controls (Cc), format characters (Cf:
// zero-width spaces and joiners, bidi overrides and isolates, the BOM), lone surrogates (Cs) and the
// line/paragraph separators. Multi-line fields (notes, reasons) may keep \n, \r and \t.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;
const HIDDEN_EXCEPT_LINES = /[\p{Cf}\p{Cs}\u2028\u2029\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
// Letters that render as blank: Hangul fillers and the blank braille pattern, besides every space.
const BLANK = /[\s\p{Z}\u115f\u1160\u3164\uffa0\u2800]/gu;

export type TextOptions = { lines?: boolean };
/** For notes and reasons: line breaks and tabs are allowed. */
export const MULTILINE: TextOptions = { lines: true };

// Full-width punctuation is how Chinese is written (，。：；（）！？); NFKC would turn it into ASCII.
const FULL_WIDTH_PUNCTUATION = /[\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/;
const OTHER_RUNS = /[^\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/g;

/**
 * NFKC (full-width letters and digits become plain ones, compatibility forms their plain letter),
 * except Chinese full-width punctuation, which stays; then trimmed.
 */
export const normalizeText = (v: string) =>
  (FULL_WIDTH_PUNCTUATION.test(v) ? v.replace(OTHER_RUNS, (run) => run.normalize("NFKC")) : v.normalize("NFKC")).trim();

const clean = (max: number, o: TextOptions) =>
  z
    .string()
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(1)
        .max(max)
        .refine((v) => !(o.lines ? HIDDEN_EXCEPT_LINES : HIDDEN).test(v), { message: "hidden_characters" })
        // Empty is already "required"; hidden characters are not blank, so each value gets one reason.
        .refine((v) => v === "" || HIDDEN.test(v) || v.replace(BLANK, "") !== "", { message: "nothing_visible" }),
    );

/** Required text of at most `max` characters: NFKC-normalised, trimmed, nothing hidden, something visible. */
export const text = (max: number, o: TextOptions = {}) => clean(max, o);
/** Optional text: blank counts as absent; otherwise as text(). */
export const optionalText = (max: number, o: TextOptions = {}) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), clean(max, o).optional());

/**
 * A parcel code (地块编号): full NFKC (a full-width hyphen is a hyphen here), with format characters (zero-width and the like) removed rather than
 * refused, so a look-alike of a stored code is that code and the UNIQUE index answers 409.
 */
export const code = (max: number) =>
  z
    .string()
    .transform((v) => v.normalize("NFKC").replace(/\p{Cf}/gu, ""))
    .pipe(text(max));

/** The earliest business date taken: nothing in the bureau's ledgers predates it (a year 0100 is a typo). */
export const DATE_FLOOR = "1980-01-01";
/** A real calendar date YYYY-MM-DD, on or after DATE_FLOOR. */
export const isoDate = z
  .string()
  .refine(isIsoDate, { message: "invalid_date", abort: true })
  .refine((v) => v >= DATE_FLOOR, { message: "before_date_floor" });
export const positiveId = z
  .number()
  .int()
  .positive()
  .max(2 ** 31);

export const LAND_USES = [
  "commercial",
  "industrial",
  "residential",
  "public",
  "transport",
  "water",
  "special",
  "other",
] as const;
export type LandUse = (typeof LAND_USES)[number];
export const ORIGINS = ["collective", "state"] as const;

const UNIT_LABELS: Record<NumberUnit, string> = {
  mu: "亩",
  ha: "公顷",
  m2: "平方米",
  wan: "万元",
  yuan: "元",
  pct: "%",
};

type Read = { ok: true; value: number | undefined } | { ok: false; message: string; params?: Record<string, string> };

/** A JSON number, or text as domain/numbers.ts reads it; blank is absent. */
function readDecimal(v: unknown, unit?: NumberUnit): Read {
  if (v === undefined || v === null || (typeof v === "string" && v.trim() === ""))
    return { ok: true, value: undefined };
  if (typeof v === "number") return { ok: true, value: v };
  if (typeof v !== "string") return { ok: false, message: "invalid_type" };
  const r = parseDecimal(v, unit);
  if (r.ok) return r;
  if (r.code === "not_a_number") return { ok: false, message: "not_a_number" };
  const p = r.params;
  return {
    ok: false,
    message: "wrong_unit",
    params: { text: p.text, unit: UNIT_LABELS[p.unit], written: UNIT_LABELS[p.written] },
  };
}

/**
 * A number typed or sent as text ("1,250.5", "１２.５", "25.5亩" where the field records 亩), or a JSON number;
 * a refusal says what is expected or which unit was written instead. Blank is absent (undefined).
 */
export const decimal = (unit?: NumberUnit) =>
  z.unknown().transform((v, ctx): number | undefined => {
    const r = readDecimal(v, unit);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.message, ...(r.params ? { params: r.params } : {}) });
    return z.NEVER;
  });

/** `{"value": 12.5, "unit": "mu"}` (the value may be text, as `decimal` reads it); at least 1 m². Answers m² and the unit typed. */
export const areaWithUnit = z.object({ value: z.unknown(), unit: z.enum(AREA_UNITS) }).transform((a, ctx) => {
  const r = readDecimal(a.value, a.unit);
  const fail = (message: string, params?: Record<string, string | number>) => {
    ctx.addIssue({ code: "custom", path: ["value"], message, ...(params ? { params } : {}) });
    return z.NEVER;
  };
  if (!r.ok) return fail(r.message, r.params);
  if (r.value === undefined) return fail("required");
  if (!(r.value > 0)) return fail("too_small", { min: 0 });
  if (r.value > 1e9) return fail("too_big", { max: 1e9 });
  const m2 = toM2(r.value, a.unit);
  if (m2 < 1) {
    ctx.addIssue({ code: "custom", message: "area_too_small" });
    return z.NEVER;
  }
  return { m2, unit: a.unit };
});

/** As `areaWithUnit`, answering m² only. */
export const areaInput = areaWithUnit.transform((a) => a.m2);
