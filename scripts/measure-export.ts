import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { migrateCopy, prepareLocalDb } from "./bench/local-db";
import { startLocalWorker } from "./bench/local-worker";
import { login } from "./bench/probes";
import { xlsxStream, type XlsxCell } from "../src/http/xlsx";
import { csvStream } from "../src/http/csv";

// npm run measure:export -- [--size N] [--cache DIR]
// Measures the whole-district exports (issue 13 §5) against `wrangler dev` on a D1 of N parcels (default
// 50,000; `--cache` reuses the bench's seeded copies): the time, size and rows of /parcels/export.csv and
// .xlsx, and workerd's resident memory sampled while each streams. Then the export's own JavaScript without
// D1 — every row through the CSV and the XLSX writers in this process — as the CPU time a Worker spends.
const { values } = parseArgs({ options: { size: { type: "string", default: "50000" }, cache: { type: "string" } } });
const size = Number(values.size);

const persist = mkdtempSync(join(tmpdir(), "export-measure-"));
const cached = values.cache ? join(values.cache, String(size)) : null;
if (cached && existsSync(cached)) {
  cpSync(cached, persist, { recursive: true });
  await migrateCopy(persist);
} else await prepareLocalDb(persist, size);

/** Resident memory of the workerd processes, in MB (ps reports KB). */
const workerdRss = () => {
  try {
    const out = execFileSync("ps", ["-C", "workerd", "-o", "rss="], { encoding: "utf8" });
    return Math.round(out.split("\n").reduce((s, l) => s + (Number(l.trim()) || 0), 0) / 1024);
  } catch {
    return 0;
  }
};

const worker = await startLocalWorker(persist);
const texts: string[] = [];
try {
  const cookie = await login(worker.url, "officer");
  for (const ext of ["csv", "xlsx"]) {
    const before = workerdRss();
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, workerdRss())), 200);
    const t0 = performance.now();
    const res = await fetch(`${worker.url}/parcels/export.${ext}`, { headers: { Cookie: cookie } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const ms = performance.now() - t0;
    clearInterval(timer);
    if (ext === "csv") texts.push(new TextDecoder().decode(bytes));
    const rows = ext === "csv" ? texts[0].trim().split("\r\n").length - 1 : null;
    console.log(
      `export.${ext}: ${res.status}, ${(bytes.length / 1e6).toFixed(1)} MB${rows === null ? "" : `, ${rows} rows`} in ${(ms / 1000).toFixed(2)} s; workerd RSS ${before} MB before, ${peak} MB at most while streaming`,
    );
  }
} finally {
  await worker.stop();
  rmSync(persist, { recursive: true, force: true });
}

// The writers' own work, without D1: the exported rows (as text; dates and numbers typed as the XLSX writes
// them) through both streams, 500 rows a page as the export reads them.
const lines = texts[0]
  .replace(/^\uFEFF/, "")
  .trim()
  .split("\r\n");
const header = lines[0].split(",");
const rows = lines.slice(1).map((l) => l.split(","));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^\d+(\.\d+)?$/;
async function* pages<T>(f: (cells: string[]) => T): AsyncGenerator<T[]> {
  for (let i = 0; i < rows.length; i += 500) yield rows.slice(i, i + 500).map(f);
}
const drain = async (s: ReadableStream<Uint8Array>) => {
  let n = 0;
  for await (const chunk of s) n += chunk.length;
  return n;
};
for (const [name, stream] of [
  [
    "CSV",
    () =>
      csvStream(
        header,
        pages((cells) => cells),
      ),
  ],
  [
    "XLSX",
    () =>
      xlsxStream(
        "地块台账",
        header.map((h) => ({ header: h })),
        pages((cells) =>
          cells.map((v): XlsxCell => (v === "" ? null : DATE.test(v) ? { date: v } : NUMBER.test(v) ? Number(v) : v)),
        ),
      ),
  ],
] as const) {
  const c0 = process.cpuUsage();
  const heap0 = process.memoryUsage().heapUsed;
  const n = await drain(stream());
  const cpu = process.cpuUsage(c0);
  console.log(
    `${name} writer over ${rows.length} rows in JavaScript: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, ${(n / 1e6).toFixed(1)} MB out, heap ${((process.memoryUsage().heapUsed - heap0) / 1e6).toFixed(0)} MB above the start`,
  );
}
