import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type Browser } from "./browser";
import { checkPage } from "./check";
import { apiAs, logInAs } from "./session";

let browser: Browser;
let page: Page;
let detailUrl: string;
let smallUrl: string;
const base = inject("baseUrl");

beforeAll(async () => {
  const api = await apiAs(base, "officer");
  const parcel = await api("POST", "/api/v1/parcels", {
    code: `E2EE${Date.now() % 100000}`,
    name: "修改测试地块",
    town: "余新镇",
    landUse: "industrial",
    origin: "collective",
    area: { value: 12, unit: "mu" },
  });
  detailUrl = `${base}/parcels/${parcel.id}`;
  // A small parcel of its own, so no batch total makes its area look implausible.
  const small = await api("POST", "/api/v1/parcels", {
    code: `E2EB${Date.now() % 100000}`,
    name: "选批次测试地块",
    town: "凤桥镇",
    landUse: "industrial",
    origin: "collective",
    area: { value: 2, unit: "mu" },
  });
  smallUrl = `${base}/parcels/${small.id}`;
  browser = await openBrowser();
  page = await browser.context.newPage();
  await logInAs(page, base, "officer");
});
afterAll(() => browser.close());

describe("editing a parcel's registration fields (issue 10 §1)", () => {
  it("refuses a number in another unit beside the field, then saves the area with a reason into the timeline", async () => {
    await page.goto(detailUrl);
    await page.getByRole("link", { name: "修改登记信息" }).click();
    await page.waitForURL(/\/edit$/);
    expect(await page.getByLabel("面积", { exact: true }).inputValue()).toBe("12");
    await checkPage(page, "16-edit");
    await page.getByLabel("面积", { exact: true }).fill("25.5公顷");
    await page.getByLabel("修改理由").fill("按勘测定界图更正面积");
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect
      .poll(() => page.locator("#edit-areaValue-error").textContent())
      .toBe("此栏的单位是亩，填写的“25.5公顷”是公顷；请换算成亩后填写数字");
    await checkPage(page, "17-edit-refused");
    // Typed as an officer would: thousands separator and the field's own unit.
    await page.getByLabel("面积", { exact: true }).fill("1,025.5 亩");
    await page.getByRole("button", { name: "保存修改" }).click();
    await page.waitForURL(/\/parcels\/\d+\?done=edit$/);
    expect(await page.locator("p.notice").textContent()).toBe("已保存修改，见下方办理记录。");
    const last = page.locator("ol.timeline li").last();
    // 12 亩 → 1,025.5 亩 (1,025.5 × 10000 / 15 = 683,666.67 → 683,667 m²).
    expect(await last.textContent()).toContain("12.00 亩");
    expect(await last.textContent()).toContain("1025.50 亩（683667 平方米）");
    expect(await last.textContent()).toContain("按勘测定界图更正面积");
    await checkPage(page, "18-edited");
    expect(browser.problems).toEqual([]);
  });

  it("finds a batch by typing part of its name, chooses it and saves the parcel in it", async () => {
    const name = "嘉兴市域铁路枫南线（南湖段）工程建设用地（单独选址）";
    await page.goto(`${smallUrl}/edit`);
    const batch = page.getByLabel("所属批次编号（可选）");
    // Typing asks for the options (htmx); the hint beside the select follows.
    await page.getByLabel("按名称查找批次").fill("枫南线");
    await expect.poll(() => page.locator("#batch-picker-hint").textContent()).toBe("名称含“枫南线”的批次共 1 个");
    expect(await batch.locator("option").allTextContents()).toEqual(["无", name]);
    await batch.selectOption({ label: name });
    await checkPage(page, "18b-edit-batch-found");
    await page.getByLabel("修改理由").fill("划入枫南线单独选址批次");
    await page.getByRole("button", { name: "保存修改" }).click();
    await page.waitForURL(/\/parcels\/\d+\?done=edit$/);
    // The parcel's own 批次 field names it (the timeline's edit entry names it too).
    expect(await page.locator("dl.fields dt:text-is('批次') + dd").first().textContent()).toBe(name);
    expect(browser.problems).toEqual([]);
  });
});
