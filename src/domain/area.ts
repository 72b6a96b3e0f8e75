// 1 公顷 = 10,000 m² = 15 亩, so 1 亩 = 10000/15 m². Areas are stored as integer m².
export const AREA_UNITS = ["mu", "ha", "m2"] as const;
export type AreaUnit = (typeof AREA_UNITS)[number];

const M2_PER_UNIT: Record<AreaUnit, number> = { mu: 10000 / 15, ha: 10000, m2: 1 };

/** Converts an input area to whole square metres (rounded half up). */
export function toM2(value: number, unit: AreaUnit): number {
  // Multiply before dividing for 亩 so 616.2 亩 → 6162000/15 = 410800 exactly.
  const m2 = unit === "mu" ? (value * 10000) / 15 : value * M2_PER_UNIT[unit];
  return Math.round(m2 + 1e-9);
}

/** 亩, unrounded. */
export function m2ToMu(m2: number): number {
  return (m2 * 15) / 10000;
}

/** 公顷, unrounded. */
export function m2ToHa(m2: number): number {
  return m2 / 10000;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f + (value >= 0 ? 1e-9 : -1e-9)) / f;
}

/** 亩 rounded to 2 decimals, as officials report it. */
export const muRounded = (m2: number) => round(m2ToMu(m2), 2);
/** 公顷 rounded to 4 decimals. */
export const haRounded = (m2: number) => round(m2ToHa(m2), 4);

/** "616.20" — 亩 with two decimals for display. */
export const formatMu = (m2: number) => muRounded(m2).toFixed(2);
/** "41.0800" — 公顷 with four decimals for display. */
export const formatHa = (m2: number) => haRounded(m2).toFixed(4);

/** The area triple every API shape carries. */
export function areaFields(m2: number) {
  return { areaM2: m2, areaMu: muRounded(m2), areaHa: haRounded(m2) };
}
