import { gzipSync } from "node:zlib";

/** One thing the bench times: a request it can repeat, and how many rows that answer shows. */
export type Probe = {
  name: string;
  kind: "page" | "fragment" | "api";
  /** Builds the i-th request (moves need a fresh parcel each time). */
  request: (i: number) => { path: string; init?: RequestInit };
  /** Rows the answer shows, for the rows-read budget; null where it means nothing. */
  rowsShown: number | null;
};

export type Measured = {
  name: string;
  kind: Probe["kind"];
  p50Ms: number;
  p95Ms: number;
  ratioToHealthz: number;
  rowsRead: number | null;
  rowsShown: number | null;
  gzipBytes: number;
  /** Round trips to D1 per request (median): the bench's explanation for most of a page's latency. */
  d1Calls: number | null;
};

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

type Samples = { times: number[]; rows: number[]; calls: number[]; body: Uint8Array };

async function timeOne(base: string, probe: Probe, i: number, into: Samples | null) {
  const { path, init } = probe.request(i);
  const started = performance.now();
  const res = await fetch(base + path, init);
  const body = new Uint8Array(await res.arrayBuffer());
  const ms = performance.now() - started;
  if (res.status >= 400) throw new Error(`${probe.name}: ${init?.method ?? "GET"} ${path} answered ${res.status}: ${new TextDecoder().decode(body).slice(0, 300)}`);
  if (!into) return;
  into.times.push(ms);
  into.body = body;
  const read = res.headers.get("X-Rows-Read");
  if (read !== null && read !== "unknown") into.rows.push(Number(read));
  const calls = res.headers.get("X-D1-Calls");
  if (calls !== null) into.calls.push(Number(calls));
}

/**
 * Sends `warmup` untimed rounds, then `count` timed rounds; a round is one request of every probe in
 * turn, each read to the end, one at a time (latency, not throughput). Interleaving means a burst
 * of load from elsewhere on the machine hits every probe alike, /healthz included, so the ratios
 * hold up better than the absolute times. Rows read is the median X-Rows-Read; gzip is of the last body.
 */
export async function measureAll(base: string, probes: Probe[], count: number, warmup: number): Promise<Measured[]> {
  const samples = probes.map((): Samples => ({ times: [], rows: [], calls: [], body: new Uint8Array() }));
  for (let i = 0; i < warmup + count; i++)
    for (const [k, probe] of probes.entries()) await timeOne(base, probe, i, i < warmup ? null : samples[k]);
  const results = probes.map((probe, k) => {
    const times = [...samples[k].times].sort((a, b) => a - b);
    const rows = [...samples[k].rows].sort((a, b) => a - b);
    const calls = [...samples[k].calls].sort((a, b) => a - b);
    return {
      name: probe.name,
      kind: probe.kind,
      p50Ms: round(quantile(times, 0.5)),
      p95Ms: round(quantile(times, 0.95)),
      rowsRead: rows.length ? quantile(rows, 0.5) : null,
      rowsShown: probe.rowsShown,
      gzipBytes: gzipSync(samples[k].body).length,
      d1Calls: calls.length ? quantile(calls, 0.5) : null,
    };
  });
  const healthz = results.find((r) => r.name === "healthz")!.p50Ms;
  return results.map((r) => ({ ...r, ratioToHealthz: round(r.p50Ms / healthz) }));
}
