import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type Browser } from "./browser";
import { checkPage } from "./check";
import { expectState, fillMove, moveTo } from "./moves";
import { apiAs, logInAs } from "./session";

let browser: Browser;
let page: Page;
let stale: Page;
let detailUrl: string;
let api: Awaited<ReturnType<typeof apiAs>>;
const base = inject("baseUrl");

beforeAll(async () => {
  api = await apiAs(base, "officer");
  const code = `E2EX${Date.now() % 100000}`;
  const parcel = await api("POST", "/api/v1/parcels", {
    code,
    name: "冲突测试地块",
    town: "新丰镇",
    landUse: "industrial",
    origin: "collective",
    area: { value: 8, unit: "mu" },
  });
  detailUrl = `${base}/parcels/${parcel.id}`;
  browser = await openBrowser();
  page = await browser.context.newPage();
  await logInAs(page, base, "officer");
  stale = await browser.context.newPage();
});
afterAll(() => browser.close());

describe("a stale form, a correction, English, logging out", () => {
  it("shows a move made from a stale page as a conflict, in Chinese, with the latest record", async () => {
    await page.goto(detailUrl);
    // A second tab fills in the same move on version 1 and is left unsent while the first tab moves.
    await stale.goto(detailUrl);
    await fillMove(stale, "已批准", { 批准文号: "嘉政土〔2023〕99号" });
    await moveTo(page, "已批准");
    await expectState(page, "已批准");
    await stale.getByRole("button", { name: "确认推进" }).click();
    await expect
      .poll(() => stale.getByRole("alert").textContent())
      .toBe("该记录已被他人修改，当前状态：已批准（版本 2）。下方为最新内容，请核对后重新操作。");
    await expectState(stale, "已批准");
    await checkPage(stale, "11-detail-conflict");
  });

  it("undoes the latest move with a correction and a reason", async () => {
    await page.reload();
    // The correction sits behind a disclosure (issue 10 §6).
    await page.locator("details.correction summary").click();
    await page.getByLabel("理由", { exact: true }).fill("批准文号录入错误，撤销后重新推进");
    await page.getByRole("button", { name: "确认更正" }).click();
    await expectState(page, "拟报批");
    const events = (await api("GET", new URL(detailUrl).pathname.replace("/parcels", "/api/v1/parcels"))).events as {
      id: number;
      kind: string;
    }[];
    const undone = events.find((e) => e.kind === "move")!;
    // The undone move is struck through, labelled 已更正 and linked to the correction that names it.
    await expect.poll(() => page.locator(`#event-${undone.id}.undone s`).count()).toBe(1);
    expect(await page.locator(`#event-${undone.id}`).textContent()).toContain("已更正");
    expect(await page.locator("ol.timeline li").last().locator(`a[href="#event-${undone.id}"]`).count()).toBe(1);
    await checkPage(page, "12-detail-corrected");
  });

  it("switches to English and stays there from page to page", async () => {
    await page.getByRole("link", { name: "English" }).click();
    await expectState(page, "Planned");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await checkPage(page, "13-detail-english");
    await page.getByRole("link", { name: "Parcels", exact: true }).first().click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Parcels");
    await checkPage(page, "14-parcels-english");
  });

  it("logs out, after which the pages ask for a login again", async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login/);
    await checkPage(page, "15-logged-out");
    await page.goto(`${base}/parcels`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(browser.problems).toEqual([]);
  });
});
