// npm run bench -- [--size N] [--requests N] [--warmup N] [--no-half] [--cache DIR] [--only a,b]
// the README's benchmark section: a local D1 seeded at N parcels, `wrangler dev` with BENCH=1, p50/p95 of each key
// page over N requests, rows read, gzipped size, the budgets; then the same at N/2 for growth.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { migrateCopy, prepareLocalDb } from "./bench/local-db";
import { startLocalWorker } from "./bench/local-worker";
import { measureAll } from "./bench/measure";
import { buildProbes } from "./bench/probes";
import { growthOf, renderTable, type Run } from "./bench/report";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "50000" },
    requests: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
    "no-half": { type: "boolean", default: false },
    // A folder that keeps each size's freshly seeded D1: a later run copies it (and applies any new
    // migration to the copy) instead of seeding again, which takes minutes at 50,000.
    cache: { type: "string" },
    // Only the probes whose names contain one of these (comma-separated), and /healthz: a quick look at a few pages.
    only: { type: "string" },
  },
});
const size = Number(values.size),
  requests = Number(values.requests),
  warmup = Number(values.warmup);
if (
  !Number.isInteger(size) ||
  size < 100 ||
  !Number.isInteger(requests) ||
  requests < 1 ||
  !Number.isInteger(warmup) ||
  warmup < 0
) {
  console.error("usage: npm run bench -- [--size N ≥ 100] [--requests N] [--warmup N] [--no-half]");
  process.exit(2);
}

async function runAt(n: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), `land-bench-${n}-`));
  const t0 = Date.now();
  try {
    const cached = values.cache ? join(values.cache, String(n)) : null;
    if (cached && existsSync(cached)) {
      cpSync(cached, join(dir, "state"), { recursive: true });
      await migrateCopy(join(dir, "state"));
      console.log(`  copied the ${n}-parcel D1 from ${cached} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    } else {
      await prepareLocalDb(join(dir, "state"), n);
      console.log(`  seeded ${n} parcels in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      if (cached) cpSync(join(dir, "state"), cached, { recursive: true });
    }
    const worker = await startLocalWorker(join(dir, "state"), { BENCH: "1" });
    try {
      const wanted = values.only
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const probes = (await buildProbes(worker.url, warmup + requests)).filter(
        (p) => !wanted || p.name === "healthz" || wanted.some((w) => p.name.includes(w)),
      );
      return { size: n, pages: await measureAll(worker.url, probes, requests, warmup) };
    } finally {
      await worker.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const started = Date.now();
const half = values["no-half"]
  ? null
  : (console.log(`bench: half size ${Math.floor(size / 2)}`), await runAt(Math.floor(size / 2)));
console.log(`bench: size ${size}`);
const full = await runAt(size);
console.log(`\n${renderTable(full, half)}\n`);
const growth = Object.fromEntries(growthOf(full, half));
const result = { size, at: new Date().toISOString(), requests, warmup, pages: full.pages, half, p50Growth: growth };
mkdirSync("bench", { recursive: true });
writeFileSync(join("bench", "results.json"), JSON.stringify(result, null, 2) + "\n");
console.log(`wrote bench/results.json in ${((Date.now() - started) / 1000).toFixed(0)} s`);
