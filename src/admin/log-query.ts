import { z } from "zod";
import { isoDate } from "../domain/fields";
import { issuesFromZod, type Issue } from "../domain/issues";
import { SECURITY_KINDS } from "../http/audit";

/** The security log's filters: who acted (the name logged), what happened, on which Beijing dates. */
export type LogFilter = { user?: string; kind?: string; from?: string; to?: string };

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
const logQuery = z
  .object({
    user: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
    kind: z.preprocess(blankToUndefined, z.enum(SECURITY_KINDS).optional()),
    from: z.preprocess(blankToUndefined, isoDate.optional()),
    to: z.preprocess(blankToUndefined, isoDate.optional()),
    before: z.preprocess(
      blankToUndefined,
      z.coerce
        .number()
        .int()
        .positive()
        .max(2 ** 53)
        .optional(),
    ),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "date_range_reversed", path: ["to"] });

export type LogQuery = { ok: true; filter: LogFilter; before: number | null } | { ok: false; issues: Issue[] };

/** Shared by the page and GET /api/v1/security-log. */
export function parseLogQuery(query: Record<string, string>): LogQuery {
  const r = logQuery.safeParse(query, { reportInput: true });
  if (!r.success) return { ok: false, issues: issuesFromZod(r.error) };
  const { before, ...filter } = r.data;
  return { ok: true, filter, before: before ?? null };
}

/** The first instant (UTC ISO) of a Beijing calendar date: 00:00 at UTC+8 is 16:00 UTC the day before. */
export const beijingDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
/** The first instant after a Beijing date, for an inclusive "to". */
export const beijingDayEnd = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();

/** The filter back as a query string (for pager links), without empty values. */
export function logFilterQuery(f: LogFilter, before?: number | null): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  if (before) p.set("before", String(before));
  const s = p.toString();
  return s ? `?${s}` : "";
}
