import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type Browser } from "./browser";
import { checkPage } from "./check";
import { apiAs, logInAs } from "./session";

// Issue 10: find a parcel by the middle of its code, sort by area, print the batches page, and every
// list on a 390 px phone.
let browser: Browser;
let page: Page;
const base = inject("baseUrl");
const STAMP = String(Date.now() % 100000).padStart(5, "0");
const CODE = (i: number) => `330402101${STAMP}GB${String(900 + i)}`;

beforeAll(async () => {
  const api = await apiAs(base, "officer");
  // Three parcels of 7, 9 and 8 亩: by area, largest first, they read 2, 3, 1.
  for (const [i, mu] of [
    [1, 7],
    [2, 9],
    [3, 8],
  ])
    await api("POST", "/api/v1/parcels", {
      code: CODE(i),
      name: `检索排序测试地块${i}`,
      town: "凤桥镇",
      landUse: "industrial",
      origin: "collective",
      area: { value: mu, unit: "mu" },
    });
  browser = await openBrowser();
  page = await browser.context.newPage();
  await logInAs(page, base, "viewer");
});
afterAll(() => browser.close());

const rowCodes = () => page.locator("#parcel-rows tbody tr td:first-child").allTextContents();

describe("finding and sorting parcels", () => {
  it("finds a parcel by a middle part of its code", async () => {
    await page.goto(`${base}/parcels`);
    await page.getByLabel("搜索", { exact: true }).pressSequentially(`${STAMP}GB902`);
    await expect.poll(rowCodes).toEqual([CODE(2)]);
    expect(await page.locator(".list-totals").textContent()).toContain("共 1\u00a0宗");
    await checkPage(page, "40-parcels-found-by-middle");
  });

  it("sorts the search by area, largest first, and keeps the order in the address bar", async () => {
    await page.goto(`${base}/parcels?q=${encodeURIComponent("检索排序测试")}`);
    expect(await rowCodes()).toEqual([CODE(3), CODE(2), CODE(1)]);
    await page.getByRole("link", { name: /面积（亩 \/ 公顷）/ }).click();
    await page.waitForURL(/sort=area/);
    expect(await rowCodes()).toEqual([CODE(2), CODE(3), CODE(1)]);
    await checkPage(page, "41-parcels-sorted-by-area");
  });
});

describe("printing the batches page", () => {
  it("prints the title and date, not the filters or navigation", async () => {
    await page.goto(`${base}/batches`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("form.filters").isVisible()).toBe(false);
    expect(await page.locator("nav.mainnav").isVisible()).toBe(false);
    const head = page.locator("header.print-head");
    expect(await head.isVisible()).toBe(true);
    expect(await head.textContent()).toContain("批次");
    expect(await head.locator("time").textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });
  });
});

describe("every list on a phone", () => {
  it.each(["/parcels", "/batches", "/digestion", "/idle-land", "/projects"])(
    "%s fits a 390 px screen: one-line top bar, first column in view",
    async (path) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}${path}`);
      const bar = await page.locator("header.topbar").boundingBox();
      // One line of 13–14 px text with its padding stays well under two lines' height.
      expect(bar!.height).toBeLessThan(44);
      await checkPage(page, `42-phone${path.replaceAll("/", "-")}`);
    },
  );
});
