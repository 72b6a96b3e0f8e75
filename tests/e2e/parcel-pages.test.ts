import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../scripts/bench/local-db";
import { openBrowser, type Browser } from "./browser";
import { checkPage } from "./check";
import { apiAs } from "./session";

let browser: Browser;
let page: Page;
const base = inject("baseUrl");
const code = `E2E-${Date.now()}`;

async function logIn(p: Page, username: string) {
  await p.goto(`${base}/login`);
  await p.getByLabel("用户名").fill(username);
  await p.getByLabel("密码").fill(DEMO_PASSWORD);
  await p.getByRole("button", { name: "登录" }).click();
  await p.waitForURL(`${base}/`);
}

// The state's badge in the heading (a lapse badge may stand beside it).
const STATE_BADGE = 'h1 .badge[class*=" s-"]';

const rowCount = (p: Page) => p.locator("#parcel-rows tbody tr").count();

// A town of its own (added by an admin: a parcel's town must be on the list), so the test holds whatever else
// the local D1 has.
const town = `浏览器镇${Date.now()}`;

beforeAll(async () => {
  const admin = await apiAs(base, "admin");
  await admin("POST", "/api/v1/towns", { name: town });
  browser = await openBrowser();
  page = await browser.context.newPage();
  await logIn(page, "officer");
});
afterAll(() => browser.close());

describe("parcel pages in a browser", () => {
  it("filters live: typing and choosing swap only the rows and push the URL; paging and back work", async () => {
    for (let i = 0; i < 55; i++) {
      const res = await page.request.post(`${base}/api/v1/parcels`, {
        data: {
          code: `${code}-${i}`,
          name: `浏览器测试地块${i}`,
          town,
          landUse: i === 0 ? "residential" : "industrial",
          origin: "collective",
          area: { value: 2.5, unit: "mu" },
        },
      });
      expect(res.status()).toBe(201);
    }
    await page.goto(`${base}/parcels`);
    await checkPage(page, "10-parcels");
    await page.getByLabel("镇/街道").selectOption(town);
    await page.waitForURL((u) => u.searchParams.get("town") === town);
    await expect.poll(() => rowCount(page)).toBe(50);
    await page.getByRole("link", { name: "下一页" }).click();
    await page.waitForURL(/cursor=/);
    await expect.poll(() => rowCount(page)).toBe(5);
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes("cursor="));
    await expect.poll(() => rowCount(page)).toBe(50);
    await page.getByLabel("用途").selectOption("residential");
    await page.waitForURL(/landUse=residential/);
    await expect.poll(() => rowCount(page)).toBe(1);
    await page.getByLabel("搜索", { exact: true }).fill("no-such-parcel-x");
    await expect.poll(() => page.locator("#parcel-rows .empty").textContent()).toContain("没有符合筛选条件的地块");
    await checkPage(page, "11-parcels-empty");
    expect(browser.problems).toEqual([]);
  });

  it("register: a refused form keeps what was typed with messages beside the fields; then it registers", async () => {
    await page.goto(`${base}/parcels/new`);
    await page.getByLabel("宗地编号").fill(code);
    await page.getByLabel("面积", { exact: true }).fill("十二");
    await page.getByRole("button", { name: "登记" }).click();
    await expect.poll(() => page.locator("#reg-areaValue-error").textContent()).toBe("请输入数字，例如 25.5");
    expect(await page.getByLabel("宗地编号").inputValue()).toBe(code);
    await checkPage(page, "12-register-refused");
    await page.getByLabel("坐落").fill("南湖区浏览器测试地块");
    await page.getByLabel("镇/街道").selectOption("凤桥镇");
    await page.getByLabel("用途").selectOption("industrial");
    await page.getByLabel("土地来源").selectOption("collective");
    await page.getByLabel("面积", { exact: true }).fill("12.5");
    await page.getByRole("button", { name: "登记" }).click();
    await page.waitForURL(/\/parcels\/\d+$/);
    expect(await page.locator(STATE_BADGE).textContent()).toBe("拟报批");
    expect(browser.problems).toEqual([]);
  });

  it("move: choosing a target loads its fields; a refusal shows in place; success re-renders; correction undoes", async () => {
    await page.getByLabel("推进至").selectOption("approved");
    await page.getByLabel("批准文号").waitFor();
    // 批准文号, and the batch picker: its select and the search beside it.
    expect(await page.locator("#move-fields input, #move-fields select, #move-fields textarea").count()).toBe(3);
    await checkPage(page, "13-move-fields");
    await page.getByRole("button", { name: "确认推进" }).click();
    await expect.poll(() => page.locator("#move-docNo-error").textContent()).toBe("必填");
    await page.getByLabel("批准文号").fill("浙政土〔2023〕1号");
    await page.getByLabel("业务日期").fill("2023-03-01");
    await page.getByRole("button", { name: "确认推进" }).click();
    await expect.poll(() => page.locator(STATE_BADGE).textContent()).toBe("已批准");
    await checkPage(page, "14-moved");
    await page.locator("details.correction summary").click();
    await page.locator('form[action$="/corrections"]').getByLabel("理由").fill("文号录错");
    await page.getByRole("button", { name: "确认更正" }).click();
    await expect.poll(() => page.locator(STATE_BADGE).textContent()).toBe("拟报批");
    expect(browser.problems).toEqual([]);
  });

  it("a stale form shows the conflict notice in place", async () => {
    const url = page.url();
    const other = await browser.context.newPage();
    await other.goto(url);
    await other.getByLabel("推进至").selectOption("withdrawn");
    await other.getByLabel("撤回/核减文号").fill("核减1号");
    await other.getByLabel("理由").fill("规划调整");
    await other.getByRole("button", { name: "确认推进" }).click();
    await expect.poll(() => other.locator(STATE_BADGE).textContent()).toBe("已撤回/核减");
    await other.close();
    // Choosing a target on the stale form already tells of the change; posting it is refused in place.
    await page.getByLabel("推进至").selectOption("approved");
    await expect
      .poll(() => page.locator("#move-fields").textContent())
      .toContain("该记录已被他人修改，当前状态：已撤回/核减");
    await page.getByRole("button", { name: "确认推进" }).click();
    await expect
      .poll(() => page.locator("#parcel-detail > .notice").textContent())
      .toContain("该记录已被他人修改，当前状态：已撤回/核减");
    expect(await page.locator(STATE_BADGE).textContent()).toBe("已撤回/核减");
    await checkPage(page, "15-conflict");
    expect(browser.problems).toEqual([]);
  });
});
