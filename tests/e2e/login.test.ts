import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../scripts/bench/local-db";
import { openBrowser, type Browser } from "./browser";
import { checkPage } from "./check";

let browser: Browser;
let page: Page;
const base = inject("baseUrl");

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser.close());

describe("logging in and the home page", () => {
  it("refuses a wrong password in Chinese and keeps the username", async () => {
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await checkPage(page, "01-login");
    await page.getByLabel("用户名").fill("officer");
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("用户名或密码");
    expect(await page.getByLabel("用户名").inputValue()).toBe("officer");
  });

  it("logs in and shows the chain strip, every state in words as well as colour", async () => {
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${base}/`);
    const steps = await page.locator("ol.chain li .step").allTextContents();
    expect(steps).toEqual(["拟报批", "已批准", "已征收", "已入库", "已供应", "已开工", "已竣工", "已撤回/核减"]);
    await checkPage(page, "02-home");
    // With the system's forced colours (high-contrast mode) every step still reads by its words and count.
    await page.emulateMedia({ forcedColors: "active" });
    const texts = await page.locator("ol.chain li").allInnerTexts();
    expect(texts.every((t) => /\S+\n[\d,]+\n[\d.,]+[ \u00a0]亩/.test(t))).toBe(true);
    await checkPage(page, "02b-home-forced-colors");
    await page.emulateMedia({ forcedColors: "none" });
    expect(browser.problems).toEqual([]);
  });
});
