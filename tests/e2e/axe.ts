import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export type Violation = { id: string; impact: string | null; help: string; nodes: string[] };

/**
 * Runs axe-core on the page as it stands and returns its serious and critical violations.
 * axe is evaluated through DevTools rather than added as a <script>, so the page's nonce CSP stays
 * exactly as users get it.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if ((await page.evaluate("typeof axe")) === "undefined") await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ["violations"] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) })))`)) as Violation[];
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Form fields on the page with no accessible name: no <label>, aria-label or aria-labelledby. */
export async function unlabelledFields(page: Page): Promise<string[]> {
  return (await page.evaluate(`[...document.querySelectorAll("input, select, textarea")]
    .filter((el) => !["hidden", "submit", "button", "reset"].includes(el.type))
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby"))
    .map((el) => el.name || el.id || el.outerHTML.slice(0, 80))`)) as string[];
}
