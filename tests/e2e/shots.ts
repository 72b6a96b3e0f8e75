import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

export const ARTIFACTS = join(process.cwd(), "tests", "e2e", "artifacts");

/** Saves a full-page screenshot as tests/e2e/artifacts/<name>.png (git-ignored; kept by CI runs). */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
