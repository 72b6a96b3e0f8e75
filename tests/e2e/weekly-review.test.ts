import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type Browser } from "./browser";
import { checkPage } from "./check";
import { logInAs } from "./session";
import { ARTIFACTS, shoot } from "./shots";

// A viewer reads the weekly review of the seed's weeks (its data ends on 2023-06-30), prints it, takes both
// downloads, opens a whole list and prints the print version. The prints are kept as PDFs and a screenshot.
let browser: Browser;
let page: Page;
const base = inject("baseUrl");

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await logInAs(page, base, "viewer");
});
afterAll(() => browser.close());

describe("weekly review in a browser", () => {
  it("a viewer opens the review from the nav, picks a week, moves to the previous week", async () => {
    await page.getByRole("link", { name: "周报" }).click();
    await page.waitForURL(/\/reviews\/weekly/);
    await checkPage(page, "50-weekly-default");
    await page.getByLabel("周次").fill("2023-W26");
    await page.getByRole("button", { name: "查看" }).click();
    await page.waitForURL(/week=2023-W26/);
    await page.getByRole("link", { name: /上一周/ }).click();
    await page.waitForURL(/week=2023-W25/);
    expect(await page.locator("h1").textContent()).toContain("2023-W25 周进度晾晒（2023-06-19 至 2023-06-25）");
    expect(await page.locator("#rev-chain tbody tr").count()).toBe(8);
    await checkPage(page, "51-weekly-2023-W25");
  });

  it("prints it on A4 landscape: a PDF, and the print layout's first page as a screenshot", async () => {
    const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
    writeFileSync(join(ARTIFACTS, "52-weekly-print.pdf"), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // One page per section at least: six sections.
    expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(6);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("nav.mainnav").isVisible()).toBe(false);
    expect(await page.locator(".print-head").textContent()).toContain("2023-W25");
    await page.setViewportSize({ width: 1123, height: 794 }); // A4 landscape at 96 dpi
    await page.screenshot({ path: join(ARTIFACTS, "53-weekly-print-first-page.png") });
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 900 });
    await shoot(page, "54-weekly-after-print");
  });

  it("downloads the CSV (with BOM) and the XLSX", async () => {
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "导出 CSV" }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe("周进度晾晒-2023-W25.csv");
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("地块链条");
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "导出 Excel（XLSX）" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe("周进度晾晒-2023-W25.xlsx");
    const book = readFileSync((await xlsx.path())!);
    expect(book.subarray(0, 2).toString()).toBe("PK");
  });

  it("opens a whole list, goes back, and prints the print version with every row", async () => {
    await page.goto(`${base}/reviews/weekly/tables/idle?week=2023-W25`);
    expect(await page.locator("h1").textContent()).toContain("闲置土地预警");
    const total = Number(await page.locator("#rev-list-totals").getAttribute("data-total"));
    // A list's page holds 200 rows; the page before it the first 20.
    expect(await page.locator("#rev-idle tbody tr").count()).toBe(Math.min(total, 200));
    await checkPage(page, "55-weekly-list-idle");
    await page.getByRole("link", { name: /返回周报/ }).click();
    await page.waitForURL(/\/reviews\/weekly\?week=2023-W25/);
    expect(await page.locator("#rev-idle tbody tr").count()).toBe(Math.min(total, 20));
    await page.getByRole("link", { name: "打印版（完整）" }).click();
    await page.waitForURL(/\/reviews\/weekly\/print\?week=2023-W25/);
    expect(await page.locator("#rev-idle tbody tr").count()).toBe(total);
    expect(await page.locator(".rev-more").count()).toBe(0);
    await checkPage(page, "56-weekly-print-version");
    const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
    writeFileSync(join(ARTIFACTS, "57-weekly-print-version.pdf"), pdf);
    expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(6);
  });
});
