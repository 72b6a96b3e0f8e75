import type { Context } from "hono";

/** The path's `:id` as a positive integer, or null (which every route answers as not found). */
export function pathId(c: Context, name = "id"): number | null {
  const id = Number(c.req.param(name));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
