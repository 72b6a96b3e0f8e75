import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type Browser } from "./browser";
import { checkPage } from "./check";
import { logInAs } from "./session";

let browser: Browser;
let page: Page;
const base = inject("baseUrl");
const RUN = Date.now() % 1000000;
const CODE = `E2E-IMP-${RUN}`;

/** A small ledger as an officer's Excel saves it ("CSV UTF-8", with BOM); `landUse` spoils or fixes row 3. */
function ledger(landUse: string) {
  const rows = [
    "宗地编号,地块名称/坐落,镇(街道),土地用途,面积(亩),土地来源,批准文号,批准日期",
    `${CODE}-1,南湖区凤桥镇导入地块一,凤桥镇,工业用地,"1,250.50",集体,浙政土〔2023〕12号,2023/5/6`,
    `${CODE}-2,南湖区新丰镇导入地块二,新丰镇,${landUse},25.5,集体,,`,
  ];
  return Buffer.from("\ufeff" + rows.join("\r\n") + "\r\n", "utf8");
}

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await logInAs(page, base, "officer");
});
afterAll(() => browser.close());

describe("ledger import in a browser", () => {
  it("an officer uploads a ledger, reads the dry-run report, fixes the file, commits and finds the parcels", async () => {
    await page.getByRole("link", { name: "台账导入" }).click();
    await page.waitForURL(/\/import$/);
    await checkPage(page, "60-import");

    await page.getByLabel("台账文件").setInputFiles({ name: "台账.csv", mimeType: "text/csv", buffer: ledger("菜地") });
    await page.getByRole("button", { name: "试运行检查" }).click();
    await page.waitForLoadState("load");
    const cells = await page.locator("table.import-problems tbody td").allTextContents();
    expect(cells.slice(0, 3)).toEqual(["3", "土地用途", "菜地"]);
    expect(cells[3]).toContain("土地用途无法识别：菜地（可填：商服用地");
    await checkPage(page, "61-import-problems");

    await page
      .getByLabel("台账文件")
      .setInputFiles({ name: "台账.csv", mimeType: "text/csv", buffer: ledger("住宅用地") });
    await page.getByRole("button", { name: "重新选择文件并检查" }).click();
    await page.waitForLoadState("load");
    await expect.poll(() => page.locator(".notice.ok").textContent()).toContain("2 宗地块全部符合规则");
    await checkPage(page, "62-import-staged");
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.waitForURL(/\/import\?done=\d+$/);
    await checkPage(page, "63-import-done");

    await page.goto(`${base}/parcels?q=${encodeURIComponent(CODE)}`);
    const codes = await page.locator("table tbody tr td:first-child").allTextContents();
    expect(codes.map((c) => c.trim()).sort()).toEqual([`${CODE}-1`, `${CODE}-2`]);
  });
});
