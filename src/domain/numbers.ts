// Numbers as an officer types them (issue 10 §5): "1,250.5", full-width "１２.５", or with the unit the field
// already implies ("25.5亩" in a 亩 field). A different unit is refused with the reason, never silently converted:
// "25.5公顷" in a 亩 field is 15 times what the field would record.

/** The units a numeric field may imply. */
export const NUMBER_UNITS = ["mu", "ha", "m2", "wan", "yuan", "pct"] as const;
export type NumberUnit = (typeof NUMBER_UNITS)[number];

// What each unit may be written as after the number (compared after NFKC, lower-cased: "㎡" and "m²" are "m2").
const SPELLINGS: Record<NumberUnit, readonly string[]> = {
  mu: ["亩"],
  ha: ["公顷", "ha", "hm2"],
  m2: ["平方米", "平米", "m2"],
  wan: ["万元", "万"],
  yuan: ["元"],
  pct: ["%"],
};

export type NumberRefusal =
  { code: "not_a_number" } | { code: "wrong_unit"; params: { unit: NumberUnit; written: NumberUnit; text: string } };
export type NumberParse = { ok: true; value: number } | ({ ok: false } & NumberRefusal);

// A plain decimal, or one grouped by thousands with commas (every group after the first exactly three digits).
const PLAIN = /^-?\d+(\.\d+)?$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

function unitOf(word: string): NumberUnit | null {
  for (const u of NUMBER_UNITS) if (SPELLINGS[u].includes(word)) return u;
  return null;
}

/**
 * Parses a typed number. `unit` is the unit the field records; when given, the same unit may follow the
 * number (with or without a space). Full-width digits, comma, point and minus are read as their ASCII forms.
 */
export function parseDecimal(input: string, unit?: NumberUnit): NumberParse {
  const s = input
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/[−－]/g, "-");
  const m = /^(.*?)\s*([^\d\s.,-].*)?$/.exec(s);
  const digits = (m?.[1] ?? "").replace(/\s/g, "");
  const word = m?.[2]?.trim();
  if (word !== undefined) {
    const written = unitOf(word);
    if (written === null || unit === undefined) return { ok: false, code: "not_a_number" };
    if (written !== unit) return { ok: false, code: "wrong_unit", params: { unit, written, text: input.trim() } };
  }
  if (!PLAIN.test(digits) && !GROUPED.test(digits)) return { ok: false, code: "not_a_number" };
  const value = Number(digits.replace(/,/g, ""));
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, code: "not_a_number" };
}
