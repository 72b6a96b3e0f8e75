import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { HTMX_CDN_URL } from "../../views/page-context";

const HTMX_BYTES = readFileSync(join(process.cwd(), "node_modules", "htmx.org", "dist", "htmx.min.js"));

// Debian's Chromium as root on a machine without network: no sandbox, nothing phoning home.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

export type Browser = { context: BrowserContext; problems: string[]; close: () => Promise<void> };

/**
 * Headless Chromium with a fresh profile. The pinned htmx CDN URL is answered from node_modules —
 * the same bytes, so the page's SRI hash still matches — and every other off-machine request is
 * refused. `problems` collects page errors and console errors (CSP or SRI refusals show up there).
 */
export async function openBrowser(locale = "zh-CN"): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "land-e2e-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    // --lang sets the UI locale too, so date inputs read yyyy/mm/dd as on a Chinese officer's desktop.
    args: [...FLAGS, `--lang=${locale}`],
    locale,
    viewport: { width: 1280, height: 900 },
  });
  const problems: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === HTMX_CDN_URL)
      return route.fulfill({
        status: 200,
        body: HTMX_BYTES,
        headers: { "Content-Type": "text/javascript; charset=utf-8", "Access-Control-Allow-Origin": "*" },
      });
    if (new URL(url).hostname === "127.0.0.1") return route.continue();
    problems.push(`off-machine request refused: ${url}`);
    return route.abort();
  });
  context.on("page", (page) => watch(page, problems));
  for (const page of context.pages()) watch(page, problems);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, problems, close };
}

function watch(page: Page, problems: string[]) {
  page.on("pageerror", (e) => problems.push(`page error on ${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    // A 4xx answer is the flows' own doing (a refused login, a 422 form, a 409 conflict): not a fault.
    if (m.type() === "error" && !/status of 4\d\d/.test(m.text()))
      problems.push(`console error on ${page.url()}: ${m.text()}`);
  });
}

/** True once htmx has loaded (so the SRI check passed and CSP allowed it). */
export async function htmxLoaded(page: Page): Promise<boolean> {
  return (await page.evaluate("typeof htmx === 'object' && typeof htmx.version === 'string'")) === true;
}
