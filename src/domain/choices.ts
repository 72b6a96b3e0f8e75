import { normalizeText } from "./fields";

// Choosing a batch or a project by name (issue 10 §1): a district holds about a thousand of each, more than a
// select can show or a person can scan. A picker's select holds the blank choice, the chosen one, and at most
// CHOICES_SHOWN names holding what was typed; one more is read to know whether more match, never a count of all.

/** Names a picker shows at once. */
export const CHOICES_SHOWN = 30;
/** The longest search taken, in characters (a name is at most 200); the rest is cut, never refused. */
export const MAX_CHOICE_SEARCH = 100;

/** A batch or project as a picker lists it. */
export type NameRow = { id: number; name: string };

/** What a picker shows: the search as matched, up to CHOICES_SHOWN + 1 matches in order, and the chosen one. */
export type ChoiceList = { search: string; matches: NameRow[]; chosen: NameRow | null };

// Names never hold these (input hygiene refuses them), so dropping them from a search changes no match.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;

/** The search as typed, normalised as stored names are (NFKC, trimmed); "" means "the newest". */
export function choiceSearch(typed: string | undefined): string {
  if (typed === undefined) return "";
  return Array.from(normalizeText(typed.replace(HIDDEN, "")))
    .slice(0, MAX_CHOICE_SEARCH)
    .join("")
    .trim();
}

/** The chosen id as a select sends it: digits naming a positive id, else none. */
export function choiceId(sent: string | undefined): number | null {
  if (sent === undefined || !/^\s*\d{1,10}\s*$/.test(sent)) return null;
  const id = Number(sent);
  return id > 0 && id <= 2 ** 31 ? id : null;
}

/** The sentence under a picker: which names it shows, and whether others may be found by typing. */
export type ChoiceHint =
  | { kind: "recent" }
  | { kind: "all"; count: number }
  | { kind: "more"; search: string }
  | { kind: "none"; search: string }
  | { kind: "found"; search: string; count: number };

/** The options after the blank one (the chosen first, then the matches without it) and the hint. */
export function choiceOptions(list: ChoiceList): { options: NameRow[]; hint: ChoiceHint } {
  const shown = list.matches.slice(0, CHOICES_SHOWN);
  const more = list.matches.length > CHOICES_SHOWN;
  const { chosen, search } = list;
  const options = chosen ? [chosen, ...shown.filter((r) => r.id !== chosen.id)] : shown;
  if (!search) return { options, hint: more ? { kind: "recent" } : { kind: "all", count: shown.length } };
  if (more) return { options, hint: { kind: "more", search } };
  return { options, hint: shown.length ? { kind: "found", search, count: shown.length } : { kind: "none", search } };
}
