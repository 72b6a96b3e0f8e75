import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type Browser } from "./browser";
import { checkPage } from "./check";
import { expectState, moveTo } from "./moves";
import { logInAs } from "./session";

let browser: Browser;
let page: Page;
const base = inject("baseUrl");
const CODE = `E2EC${Date.now() % 100000}`;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await logInAs(page, base, "officer");
});
afterAll(() => browser.close());

describe("registering a parcel and taking it along the chain", () => {
  it("refuses a registration with missing fields, in Chinese, keeping what was typed", async () => {
    await page.goto(`${base}/parcels`);
    await page.getByRole("link", { name: "登记地块" }).click();
    await checkPage(page, "06-register");
    await page.getByLabel("宗地编号").fill(CODE);
    await page.getByLabel("面积", { exact: true }).fill("-3");
    await page.getByRole("button", { name: "登记", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("填写内容有误");
    expect(await page.getByLabel("宗地编号").inputValue()).toBe(CODE);
    expect(await page.locator("[aria-invalid=true]").count()).toBeGreaterThanOrEqual(4); // name, town, land use, origin, area
    await checkPage(page, "07-register-refused");
  });

  it("registers it once the fields are right and lands on its page as 拟报批", async () => {
    await page.getByLabel("坐落").fill("南湖区凤桥镇E2E测试地块");
    await page.getByLabel("镇/街道").selectOption("凤桥镇");
    await page.getByLabel("用途").selectOption("industrial");
    await page.getByLabel("土地来源").selectOption("collective");
    await page.getByLabel("面积", { exact: true }).fill("25.5");
    await page.getByRole("button", { name: "登记", exact: true }).click();
    await page.waitForURL(/\/parcels\/\d+$/);
    await expectState(page, "拟报批");
    await checkPage(page, "08-detail-planned");
  });

  it("moves it approve → acquire → reserve → supply → start → complete with the move form", async () => {
    for (const [i, target] of ["已批准", "已征收", "已入库", "已供应", "已开工", "已竣工"].entries()) {
      await moveTo(page, target);
      await expectState(page, target);
      if (target === "已供应") await checkPage(page, `09-detail-${i}-supplied`);
    }
    await expect.poll(() => page.locator("#parcel-detail").textContent()).toContain("该地块已无可推进的环节");
    await checkPage(page, "10-detail-completed");
  });
});
