import { z } from "zod";
import { AREA_UNITS, toM2 } from "./area";
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

/** `{"value": 12.5, "unit": "mu"}`; must come to at least 1 m². */
export const areaInput = z
  .object({ value: z.number().positive().max(1e9), unit: z.enum(AREA_UNITS) })
  .refine((a) => toM2(a.value, a.unit) >= 1, { message: "area_too_small" })
  .transform((a) => toM2(a.value, a.unit));
