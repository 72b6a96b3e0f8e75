import { m2ToHa, m2ToMu, type AreaUnit } from "./area";
import type { Issue } from "./issues";

// Plausibility of one parcel's area (issue 10 §3). A typo of 99,999 公顷 once dominated every total: an area that
// is bigger than its batch's approved total, bigger than the district's ceiling for one parcel, or so big that the
// unit is probably wrong is refused with the figure in every unit, unless the officer confirms it (the
// confirmation is then recorded on the event).

/** Above this, one parcel's area most likely was typed in the wrong unit (亩 or m² typed as 公顷). */
export const WRONG_UNIT_HA = 1500;

/** The checks an area can fail, in the order they are reported. */
export const AREA_CHECKS = ["unit", "ceiling", "batch"] as const;
export type AreaCheck = (typeof AREA_CHECKS)[number];

export type AreaLimits = {
  /** The district-wide ceiling for one parcel in m², or null when none is configured. */
  ceilingM2: number | null;
  /** The approved total of the parcel's batch in m², or null without a batch or before approval. */
  batchTotalM2: number | null;
};

const UNIT_NAMES: Record<AreaUnit, string> = { mu: "亩", ha: "公顷", m2: "平方米" };

/** "1,499,985" / "41.08": thousands grouped, at most `digits` decimals, trailing zeros dropped. */
export function grouped(value: number, digits: number): string {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  const [int, frac] = r.toFixed(digits).split(".");
  const g = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const tail = (frac ?? "").replace(/0+$/, "");
  return tail ? `${g}.${tail}` : g;
}

/** "99,999 公顷 = 1,499,985 亩 = 999,990,000 平方米": the area in the unit it was typed in first, then the others. */
export function areaInAllUnits(m2: number, typed: AreaUnit): string {
  const text: Record<AreaUnit, string> = {
    ha: `${grouped(m2ToHa(m2), 4)} ${UNIT_NAMES.ha}`,
    mu: `${grouped(m2ToMu(m2), 2)} ${UNIT_NAMES.mu}`,
    m2: `${grouped(m2, 0)} ${UNIT_NAMES.m2}`,
  };
  const order: AreaUnit[] = [typed, ...(["ha", "mu", "m2"] as AreaUnit[]).filter((u) => u !== typed)];
  return order.map((u) => text[u]).join(" = ");
}

/** The checks `m2` fails, each as an issue on `area` naming the figures; empty when the area is plausible. */
export function implausibleArea(m2: number, typed: AreaUnit, limits: AreaLimits): (Issue & { check: AreaCheck })[] {
  const figures = areaInAllUnits(m2, typed);
  const out: (Issue & { check: AreaCheck })[] = [];
  if (m2 > WRONG_UNIT_HA * 10000)
    out.push({
      check: "unit",
      path: "area",
      code: "area_wrong_unit",
      params: { figures, limit: grouped(WRONG_UNIT_HA, 0) },
    });
  if (limits.ceilingM2 !== null && m2 > limits.ceilingM2)
    out.push({
      check: "ceiling",
      path: "area",
      code: "area_over_ceiling",
      params: { figures, ceiling: areaInAllUnits(limits.ceilingM2, "ha") },
    });
  if (limits.batchTotalM2 !== null && m2 > limits.batchTotalM2)
    out.push({
      check: "batch",
      path: "area",
      code: "area_over_batch",
      params: { figures, batch: areaInAllUnits(limits.batchTotalM2, typed) },
    });
  return out;
}

/** The district-wide ceiling from its configured text (公顷); blank or not a positive number: no ceiling. */
export function ceilingM2Of(configured: string | undefined): number | null {
  const ha = Number(configured);
  return configured && Number.isFinite(ha) && ha > 0 ? Math.round(ha * 10000) : null;
}
