import { z } from "zod";
import { AREA_UNITS, toM2 } from "./area";
import { isIsoDate } from "./dates";

/** Trimmed required text of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional text: blank counts as absent. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(max).optional(),
  );
/** A real calendar date YYYY-MM-DD. */
export const isoDate = z.string().refine(isIsoDate, { message: "invalid_date" });
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
