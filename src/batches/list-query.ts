import { z } from "zod";
import { BATCH_SORTS, type BatchCursor, type BatchListFilter, type BatchSort } from "./queries";
import { BATCH_KINDS } from "../domain/batches";
import { issuesFromZod, type Issue } from "../domain/issues";

/** The batch list's defaults — newest approval first, 50 a page — for the schema and for a list shown despite a bad query. */
export const BATCH_LIST_DEFAULTS = { sort: "approvedOn", dir: "desc", limit: 50 } as const;

const blank = (v: unknown) => (v === "" ? undefined : v);

// Query string of the batch list, shared by the page and the API; empty values mean "any".
const batchQuery = z.object({
  kind: z.preprocess(blank, z.enum(BATCH_KINDS).optional()),
  year: z.preprocess(blank, z.coerce.number().int().min(1949).max(2100).optional()),
  sort: z.preprocess(blank, z.enum(BATCH_SORTS).default(BATCH_LIST_DEFAULTS.sort)),
  dir: z.preprocess(blank, z.enum(["asc", "desc"]).default(BATCH_LIST_DEFAULTS.dir)),
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(200).default(BATCH_LIST_DEFAULTS.limit)),
  cursor: z.preprocess(blank, z.string().max(400).optional()),
});

/** The opaque cursor: base64url of `[sortValue, id]`. */
export function encodeCursor(c: BatchCursor): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify([c.value, c.id]))))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function decodeCursor(s: string): BatchCursor | null {
  try {
    const bytes = Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0));
    const v: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(v) || v.length !== 2 || !Number.isSafeInteger(v[1])) return null;
    if (typeof v[0] !== "string" && !(typeof v[0] === "number" && Number.isFinite(v[0]))) return null;
    return { value: v[0], id: v[1] };
  } catch {
    return null;
  }
}

export type BatchQuery =
  | { ok: true; filter: BatchListFilter; sort: BatchSort; dir: "asc" | "desc"; limit: number; cursor?: BatchCursor }
  | { ok: false; issues: Issue[] };

export function parseBatchQuery(query: Record<string, string>): BatchQuery {
  const r = batchQuery.safeParse(query, { reportInput: true });
  if (!r.success) return { ok: false, issues: issuesFromZod(r.error) };
  const { kind, year, sort, dir, limit } = r.data;
  const cursor = r.data.cursor === undefined ? undefined : decodeCursor(r.data.cursor);
  if (cursor === null) return { ok: false, issues: [{ path: "cursor", code: "invalid_format" }] };
  return { ok: true, filter: { kind, year }, sort, dir, limit, cursor };
}
