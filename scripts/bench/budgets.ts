import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Measured } from "./measure";

// htmx comes from the CDN with every full page, so it counts against a page's 60 KB.
export const HTMX_GZIP_BYTES = gzipSync(readFileSync(join(process.cwd(), "node_modules", "htmx.org", "dist", "htmx.min.js"))).length;

/** The the README's benchmark section budgets a measured answer breaks; empty when it meets them all. */
export function budgetFailures(m: Measured, growth: number | null): string[] {
  const fails: string[] = [];
  if (m.name === "healthz") return fails;
  // Issue 12: the battle map works out every project's schedule from its parcels' dates, so it reads them all;
  // its budget is p95 ≤ 250 ms and p50 ≤ 15× healthz instead of the rows-read rule.
  const battleMap = m.name === "battle map";
  const maxRatio = battleMap ? 15 : m.name.startsWith("move") ? 4 : 3;
  if (m.ratioToHealthz > maxRatio) fails.push(`p50 ${m.ratioToHealthz}× healthz > ${maxRatio}×`);
  if (battleMap && m.p95Ms > 250) fails.push(`p95 ${m.p95Ms} ms > 250 ms`);
  if (!battleMap && m.kind !== "api" && m.rowsShown !== null && m.rowsRead !== null && m.rowsRead > 2 * m.rowsShown + 10)
    fails.push(`rows read ${m.rowsRead} > 2×${m.rowsShown}+10`);
  if (m.kind === "page" && m.gzipBytes + HTMX_GZIP_BYTES > 60 * 1024) fails.push(`page+htmx ${kb(m.gzipBytes + HTMX_GZIP_BYTES)} KB gz > 60 KB`);
  if (m.kind === "fragment" && m.gzipBytes > 10 * 1024) fails.push(`fragment ${kb(m.gzipBytes)} KB gz > 10 KB`);
  if (growth !== null && growth > 2) fails.push(`p50 grew ${growth}× for 2× data`);
  return fails;
}

export const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
