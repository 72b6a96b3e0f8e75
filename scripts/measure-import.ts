import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareLocalDb } from "./bench/local-db";
import { startLocalWorker } from "./bench/local-worker";
import { login } from "./bench/probes";
import { matchHeaders } from "../src/domain/ledger";
import { DISTRICT_TOWNS } from "../src/domain/towns";
import { dryRun, findHeaderRow } from "../src/imports/plan";
import { readLedgerFile } from "../src/imports/read-file";

// Measures a 5,000-row ledger import end to end against `wrangler dev` on a fresh demo D1: the dry
// run of the file with 3 bad rows (the problems it reports), then the fixed file's dry run and
// commit. Also times the import's own JavaScript (reading and checking every row) in this process,
// the CPU a Worker spends before D1. Files come from `npm run fixtures:ledger`.
const dir = join(process.cwd(), "tests", "fixtures", "ledger");
const bad = readFileSync(join(dir, "ledger-5000-3-bad.csv"));
const good = readFileSync(join(dir, "ledger-5000.csv"));

const persist = mkdtempSync(join(tmpdir(), "import-measure-"));
await prepareLocalDb(persist, 300);
const worker = await startLocalWorker(persist);
try {
  const cookie = await login(worker.url, "officer");
  const upload = async (bytes: Buffer, name: string) => {
    const fd = new FormData();
    fd.append("file", new File([bytes], name));
    const t0 = performance.now();
    const res = await fetch(`${worker.url}/import`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: worker.url },
      body: fd,
      redirect: "manual",
    });
    const html = await res.text();
    return { res, html, ms: performance.now() - t0 };
  };

  const refused = await upload(bad, "ledger-5000-3-bad.csv");
  const rows = [...refused.html.matchAll(/<tr><td class="num">(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map(
    (m) => `row ${m[1]}, ${m[2]}: ${m[3]}`,
  );
  console.log(`dry run, 3 bad rows: ${refused.res.status} in ${(refused.ms / 1000).toFixed(2)} s; problems:`, rows);

  const checked = await upload(good, "ledger-5000.csv");
  const id = /action="\/import\/(\d+)\/commit"/.exec(checked.html)?.[1];
  console.log(`dry run, fixed: ${checked.res.status} in ${(checked.ms / 1000).toFixed(2)} s (import #${id})`);
  const t0 = performance.now();
  const commit = await fetch(`${worker.url}/import/${id}/commit`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: worker.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: "version=1",
    redirect: "manual",
  });
  const commitMs = performance.now() - t0;
  console.log(`commit: ${commit.status} in ${(commitMs / 1000).toFixed(2)} s`);
  console.log(`dry run + commit of 5,000 rows: ${((checked.ms + commitMs) / 1000).toFixed(2)} s`);

  // The import's own JavaScript for the fixed file, without D1: what the Worker's CPU does per dry run.
  const c0 = process.cpuUsage();
  const file = readLedgerFile(new Uint8Array(good));
  if (!file.ok) throw new Error(file.code);
  const h = findHeaderRow(file.rows);
  const run = dryRun(file.rows, h, matchHeaders(file.rows[h].map(String)), {
    today: "2026-12-07",
    existingCodes: new Set(),
    knownBatches: new Set(),
    towns: DISTRICT_TOWNS,
  });
  const cpu = process.cpuUsage(c0);
  console.log(
    `read + check of ${run.staged.length} rows in JavaScript: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`,
  );
} finally {
  await worker.stop();
  rmSync(persist, { recursive: true, force: true });
}
