import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type Browser } from "./browser";
import { checkPage } from "./check";
import { apiAs, logInAs } from "./session";

let browser: Browser;
let page: Page;
const base = inject("baseUrl");
const NAME = `E2E批次${Date.now() % 100000}`;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await logInAs(page, base, "officer");
});
afterAll(() => browser.close());

describe("registering a batch and approving it", () => {
  it("registers a batch through its form", async () => {
    await page.getByRole("link", { name: "批次", exact: true }).click();
    await page.waitForURL(`${base}/batches`);
    await checkPage(page, "20-batches");
    await page.getByRole("link", { name: "登记批次" }).first().click();
    await page.getByLabel("批次名称").fill(NAME);
    await page.getByLabel("批次类型").selectOption("linked");
    await page.getByLabel("批准总面积").fill("30");
    await checkPage(page, "21-batch-new");
    await page.getByRole("button", { name: "登记", exact: true }).click();
    await page.waitForURL(/\/batches\/\d+$/);
    await expect.poll(() => page.locator("h1").textContent()).toContain(NAME);
  });

  it("approves the batch: its two planned parcels become 已批准 at once", async () => {
    const batchId = Number(new URL(page.url()).pathname.split("/").pop());
    const api = await apiAs(base, "officer");
    for (const i of [1, 2])
      await api("POST", "/api/v1/parcels", {
        code: `${NAME}-${i}`,
        name: `批次测试地块${i}`,
        town: "余新镇",
        landUse: "industrial",
        origin: "collective",
        area: { value: 12, unit: "mu" },
        batchId,
      });
    await page.reload();
    await checkPage(page, "22-batch-before-approval");
    await page.getByLabel("批准文号").fill("浙土字〔2023〕A1234号");
    await page.getByRole("button", { name: "确认批准" }).click();
    await expect
      .poll(() => page.locator("#batch-detail").textContent())
      .toContain("批次已批准，2 宗地块已转为“已批准”。");
    const states = await page.locator('#batch-detail tbody .badge[class*=" s-"]').allTextContents();
    expect(states).toEqual(["已批准", "已批准"]);
    await checkPage(page, "23-batch-approved");
    expect(browser.problems).toEqual([]);
  });
});
