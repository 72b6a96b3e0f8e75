import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type Browser } from "./browser";
import { checkPage } from "./check";
import { apiAs, logInAs } from "./session";

let browser: Browser;
let page: Page;
const base = inject("baseUrl");
// A prefix of our own, so the counts below hold whatever else the seed put in the database.
const PREFIX = `E2EL${Date.now() % 100000}`;

beforeAll(async () => {
  // 60 parcels: 40 industrial in 凤桥镇, 20 residential in 新丰镇; with the page size of 50 that is 2 pages.
  const api = await apiAs(base, "officer");
  for (let i = 1; i <= 60; i++) {
    const [town, landUse] = i <= 40 ? ["凤桥镇", "industrial"] : ["新丰镇", "residential"];
    await api("POST", "/api/v1/parcels", {
      code: `${PREFIX}-${String(i).padStart(3, "0")}`,
      name: `浏览测试地块${i}`,
      town,
      landUse,
      origin: "collective",
      area: { value: 10, unit: "mu" },
    });
  }
  browser = await openBrowser();
  page = await browser.context.newPage();
  await logInAs(page, base, "viewer");
});
afterAll(() => browser.close());

const rowCodes = () => page.locator("#parcel-rows tbody tr td:first-child").allTextContents();

describe("filtering and paging the parcel list", () => {
  it("shows the list, newest first", async () => {
    await page.getByRole("link", { name: "地块", exact: true }).click();
    await page.waitForURL(`${base}/parcels`);
    await checkPage(page, "03-parcels");
  });

  it("filters by typed code in place and pushes the filter into the address bar", async () => {
    // Typed key by key, as a person does: the list follows the keystrokes (htmx keyup, 400 ms debounce).
    await page.getByLabel("搜索", { exact: true }).pressSequentially(PREFIX);
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(PREFIX);
    await expect.poll(rowCodes).toHaveLength(50);
    const codes = await rowCodes();
    expect(codes[0]).toBe(`${PREFIX}-060`);
    expect(codes[49]).toBe(`${PREFIX}-011`);
    await checkPage(page, "04-parcels-filtered");
  });

  it("pages on to the last 10 and back to the first page", async () => {
    await page.getByRole("link", { name: "下一页" }).click();
    await expect.poll(rowCodes).toHaveLength(10);
    expect((await rowCodes())[9]).toBe(`${PREFIX}-001`);
    expect(new URL(page.url()).searchParams.get("cursor")).not.toBeNull();
    await expect(page.getByRole("link", { name: "下一页" }).count()).resolves.toBe(0);
    await checkPage(page, "05-parcels-page-2");
    await page.getByRole("link", { name: "第一页" }).click();
    await expect.poll(async () => (await rowCodes())[0]).toBe(`${PREFIX}-060`);
  });

  it("narrows by land use with the select: 20 residential parcels on one page", async () => {
    await page.getByLabel("用途").selectOption("residential");
    await expect.poll(rowCodes).toHaveLength(20);
    expect(new URL(page.url()).searchParams.get("landUse")).toBe("residential");
    expect(browser.problems).toEqual([]);
  });
});
