/** Running count of D1 rows read, and of round trips to D1, while one request is served (bench only). */
export type RowsTally = { rowsRead: number; calls: number };

type D1Answer = { meta?: { rows_read?: number } };

/** The fetcher and constructor behind a D1 binding, as workerd's D1 shim lays them out. */
type D1Shim = { fetcher?: Fetcher; constructor: new (fetcher: Pick<Fetcher, "fetch">) => D1Database };

/**
 * A D1 binding that adds `meta.rows_read` of every answer to `tally`.
 *
 * Why at the fetcher: `raw()` — which drizzle uses for nearly every select — drops `meta`, and running
 * a statement a second time to count it would skew the latencies the bench measures. Every call
 * (all, raw, run, first, batch) travels through the binding's fetcher once, `meta` included, so
 * counting there sees everything without changing what the app gets back. Returns null when the
 * binding is not laid out this way (another runtime), and the caller then counts nothing.
 */
export function countingD1(db: D1Database, tally: RowsTally): D1Database | null {
  const shim = db as unknown as D1Shim;
  const inner = shim.fetcher;
  if (!inner || typeof inner.fetch !== "function") return null;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    tally.calls += 1;
    const res = await inner.fetch(input, init);
    try {
      const body = (await res.clone().json()) as D1Answer | D1Answer[];
      for (const answer of Array.isArray(body) ? body : [body]) tally.rowsRead += answer.meta?.rows_read ?? 0;
    } catch {
      // Not JSON (a dump): nothing to count.
    }
    return res;
  };
  return new shim.constructor({ fetch } as Pick<Fetcher, "fetch">);
}
