import { normalizeText } from "./fields";

// Finding a parcel by any part of its code, name or land user (issue 10). The store keeps each
// two-character piece of those texts (migration 0026: SQLite's lower() folds ASCII letters only, so
// this does the same); a query is looked up by its rarest piece and the few rows found are checked
// for the whole query. One character cannot be looked up that way: it matches the start of the code.

/** The longest search taken, in characters (no LIKE pattern is built, so no byte limit applies). */
export const MAX_SEARCH_CHARS = 50;

export type SearchPlan =
  /** Codes starting with one character (a letter in capitals, as codes are written). */
  | { kind: "prefix"; start: string }
  /** The query's distinct two-character pieces; `needle` is checked on each row when pieces alone do not prove a match. */
  | { kind: "grams"; grams: string[]; needle: string; verify: boolean };

const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** What the store is asked for a search as typed: normalised like stored text, ASCII letters folded. */
export function searchPlan(typed: string): SearchPlan | null {
  const chars = Array.from(foldAscii(normalizeText(typed)));
  if (chars.length === 0) return null;
  if (chars.length === 1) {
    const c = chars[0];
    return { kind: "prefix", start: /^[a-z]$/.test(c) ? c.toUpperCase() : c };
  }
  const grams = [...new Set(chars.slice(1).map((c, i) => chars[i] + c))];
  // Two characters are one piece: holding it is the match. Longer queries hold all pieces without
  // necessarily being a substring ("南溪溪路" holds 南溪 and 溪路), so the rows are checked.
  return { kind: "grams", grams, needle: chars.join(""), verify: chars.length > 2 };
}
