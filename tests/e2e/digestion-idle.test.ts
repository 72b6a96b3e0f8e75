import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type Browser } from "./browser";
import { checkPage } from "./check";
import { htmxSettled } from "./moves";
import { apiAs, logInAs } from "./session";

let browser: Browser;
let page: Page;
const base = inject("baseUrl");
const CODE = `E2EI${Date.now() % 100000}`;
let supplied: number;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await logInAs(page, base, "officer");
  // A parcel supplied early this year whose agreed start is 2027-01-20, so it shows on the idle-land page.
  const api = await apiAs(base, "officer");
  const p = await api("POST", "/api/v1/parcels", {
    code: CODE,
    name: "南湖区余新镇E2E延期地块",
    town: "余新镇",
    landUse: "industrial",
    origin: "collective",
    area: { value: 30, unit: "mu" },
  });
  let v = p.version as number;
  const steps: [string, string, Record<string, unknown>][] = [
    ["approved", "2026-01-05", { docNo: "浙政土〔2026〕5号" }],
    ["acquired", "2026-02-05", { docNo: "南征告〔2026〕2号" }],
    ["reserved", "2026-03-05", { reserveNo: "CB-2026-0005" }],
    [
      "supplied",
      "2026-04-05",
      {
        method: "listing",
        docNo: "3304022026A00005",
        landUser: "嘉兴某某科技有限公司",
        priceWan: 1500,
        agreedStartOn: "2027-01-20",
        agreedCompletionOn: "2029-01-20",
      },
    ],
  ];
  for (const [to, date, fields] of steps)
    v = (await api("POST", `/api/v1/parcels/${p.id}/moves`, { to, date, version: v, ...fields })).version as number;
  supplied = p.id as number;
});
afterAll(() => browser.close());

describe("digestion and idle land in a browser", () => {
  it("an officer opens /digestion from the nav, changes the as-of date, follows a work-list row", async () => {
    await page.goto(`${base}/`);
    await page.getByRole("link", { name: "批而未供" }).click();
    await page.waitForURL(/\/digestion/);
    await checkPage(page, "40-digestion");
    await page.getByLabel("截至日期").fill("2025-06-30");
    await page.getByLabel("截至日期").dispatchEvent("change");
    await page.waitForURL(/asOf=2025-06-30/);
    await htmxSettled(page);
    await expect.poll(() => page.locator("h1").textContent()).toContain("截至 2025-06-30");
    await checkPage(page, "41-digestion-as-of");
    const row = page.locator("#work-list tbody a").first();
    const code = await row.textContent();
    await row.click();
    await page.waitForURL(/\/parcels\/\d+$/);
    expect(await page.locator("h1").textContent()).toContain(code ?? "");
  });

  it("opens /idle-land, follows the parcel and records a government-cause delay", async () => {
    await page.getByRole("link", { name: "闲置土地" }).click();
    await page.waitForURL(/\/idle-land/);
    await checkPage(page, "42-idle-land");
    await page.getByRole("link", { name: CODE }).first().click();
    await page.waitForURL(new RegExp(`/parcels/${supplied}$`));
    await page.getByLabel("新约定开工日期").fill("2027-06-01");
    await page.getByLabel("证明文件文号").fill("南政函〔2026〕18号");
    await page.getByLabel("延期原因").fill("规划调整，政府原因未能按期交地");
    await page.getByRole("button", { name: "确认延期" }).click();
    await expect.poll(() => page.locator("#parcel-detail").textContent()).toContain("原约定开工日期");
    expect(await page.locator("#parcel-detail").textContent()).toContain("2027-06-01");
    await checkPage(page, "43-parcel-delayed");
  });
});
