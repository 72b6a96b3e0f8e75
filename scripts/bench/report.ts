import { budgetFailures, HTMX_GZIP_BYTES, kb } from "./budgets";
import type { Measured } from "./measure";

export type Run = { size: number; pages: Measured[] };

const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));

/** p50 at full size over p50 at half size, per page (null without a half run). */
export function growthOf(full: Run, half: Run | null): Map<string, number | null> {
  return new Map(full.pages.map((p) => {
    const h = half?.pages.find((x) => x.name === p.name);
    return [p.name, h ? Math.round((p.p50Ms / h.p50Ms) * 100) / 100 : null];
  }));
}

/** The table the bench prints: one row per page, then which budgets failed. */
export function renderTable(full: Run, half: Run | null): string {
  const growth = growthOf(full, half);
  const head = ["page", "p50 ms", "p95 ms", "×healthz", "D1 calls", "rows read", "rows shown", "gzip KB", `p50 @${half?.size ?? "-"}`, "growth", "budgets"];
  const widths = [22, 8, 8, 9, 9, 10, 11, 8, 12, 7, 0];
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i > 0 && i < cells.length - 1)).join("  ");
  const rows = full.pages.map((p) => {
    const h = half?.pages.find((x) => x.name === p.name);
    const fails = budgetFailures(p, growth.get(p.name) ?? null);
    return line([
      p.name, p.p50Ms.toFixed(2), p.p95Ms.toFixed(2), p.ratioToHealthz.toFixed(2), String(p.d1Calls ?? "?"), String(p.rowsRead ?? "?"), String(p.rowsShown ?? "-"),
      kb(p.gzipBytes).toFixed(1), h ? h.p50Ms.toFixed(2) : "-", growth.get(p.name)?.toFixed(2) ?? "-", p.name === "healthz" ? "" : fails.length ? `FAIL: ${fails.join("; ")}` : "ok",
    ]);
  });
  return [`bench at ${full.size} parcels (htmx adds ${kb(HTMX_GZIP_BYTES)} KB gz to every full page)`, line(head), ...rows].join("\n");
}
