import type { ListOrder, ListPosition, ParcelFilter } from "../../src/parcels/list-read";
import { DEFAULT_DIR, type SortKey } from "../../src/parcels/list-sort";

/** `/parcels` with these filters, order and page anchor; empty values and the default order left out. */
export function listHref(filter: ParcelFilter, order?: ListOrder, position: ListPosition = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== "") params.set(k, String(v));
  if (order && order.sort !== "id") params.set("sort", order.sort);
  if (order && order.dir !== DEFAULT_DIR[order.sort]) params.set("dir", order.dir);
  if (position.after !== undefined) params.set("cursor", String(position.after));
  if (position.before !== undefined) params.set("before", String(position.before));
  const qs = params.toString();
  return qs ? `/parcels?${qs}` : "/parcels";
}

/** The order a click on `sort`'s header asks for: the other direction if it is the current sort, else its own default. */
export function nextOrder(current: ListOrder, sort: SortKey): ListOrder {
  if (current.sort !== sort) return { sort, dir: DEFAULT_DIR[sort] };
  return { sort, dir: current.dir === "asc" ? "desc" : "asc" };
}
