import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type Browser } from "./browser";
import { checkPage } from "./check";
import { apiAs, logInAs } from "./session";

let browser: Browser;
let page: Page;
const base = inject("baseUrl");
const NAME = `E2E重大项目${Date.now() % 100000}`;
const CODE = `E2E-PRJ-${Date.now().toString(36)}`;

beforeAll(async () => {
  const officer = await apiAs(base, "officer");
  await officer("POST", "/api/v1/parcels", {
    code: CODE,
    name: "亚太路科创走廊地块",
    town: "七星街道",
    landUse: "industrial",
    origin: "collective",
    area: { value: 25, unit: "mu" },
  });
  browser = await openBrowser();
  page = await browser.context.newPage();
  await logInAs(page, base, "lead");
});
afterAll(() => browser.close());

describe("a lead runs a major project", () => {
  it("creates a project through its form", async () => {
    await page.getByRole("link", { name: "重大项目", exact: true }).click();
    await page.waitForURL(`${base}/projects`);
    await checkPage(page, "60-projects");
    await page.getByRole("link", { name: "新建项目" }).first().click();
    await page.getByLabel("项目名称").fill(NAME);
    await page.getByLabel("业主单位").fill("嘉兴南湖科创发展有限公司");
    await page.getByLabel("分管领导").fill("王副区长");
    await page.getByLabel("责任科室").fill("用地保障科");
    await page.getByLabel("目标开工日期").fill("2027-06-30");
    await page.getByLabel("目标竣工日期").fill("2029-06-30");
    await checkPage(page, "61-project-new");
    await page.getByRole("button", { name: "创建" }).click();
    await page.waitForURL(/\/projects\/\d+$/);
    await expect.poll(() => page.locator("h1").textContent()).toContain(NAME);
  });

  it("joins a parcel, adds a problem and re-plans", async () => {
    await page.locator("#join-code").fill(CODE);
    await page.getByRole("button", { name: "关联地块" }).click();
    await expect.poll(() => page.locator("#project-parcels").textContent()).toContain(CODE);
    await page.getByLabel("问题描述").fill("征地款未到位");
    await page.getByLabel("影响节点").selectOption("acquisition");
    await page.getByLabel("责任单位").fill("区财政局");
    await page.getByLabel("责任人").fill("李科长");
    await page.getByRole("button", { name: "登记问题" }).click();
    await expect.poll(() => page.locator("#problems").textContent()).toContain("征地款未到位");
    await page.locator("#replan-targetStartOn").fill("2027-09-30");
    await page.getByLabel("调整原因").fill("村民有异议，开工顺延");
    await page.getByRole("button", { name: "重新倒排" }).click();
    await expect.poll(() => page.locator("#plan-history").textContent()).toContain("村民有异议");
    expect(await page.locator("svg.timeline title").textContent()).toBe("进度时间轴");
    expect(await page.locator("svg.timeline desc").textContent()).toContain("开工 2027-09-30");
    await checkPage(page, "62-project-detail");
  });

  it("shows the battle map", async () => {
    await page.getByRole("link", { name: "作战图", exact: true }).click();
    await page.waitForURL(`${base}/battle-map`);
    await expect.poll(() => page.locator("#battle-map").textContent()).toContain(NAME);
    await checkPage(page, "63-battle-map");
  });
});
