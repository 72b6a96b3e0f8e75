import { expect } from "vitest";
import type { Page } from "playwright-core";

/** The fields each move of the flow fills in, by their Chinese labels. */
export const MOVE_INPUTS: Record<string, Record<string, string>> = {
  已批准: { 批准文号: "嘉政土〔2023〕12号" },
  已征收: { 征收公告文号: "南征告〔2023〕3号" },
  已入库: { 储备编号: "CB-2023-0042" },
  已供应: {
    供地方式: "挂牌",
    "合同/决定书编号": "3304022023A21001",
    "受让人/用地单位": "嘉兴某某智能制造有限公司",
    "成交价（万元）": "1280",
    约定开工日期: "2027-06-01",
    约定竣工日期: "2029-06-01",
  },
  已开工: { 施工许可证号: "330402202306010101" },
  已竣工: {},
};

const SELECTS = new Set(["供地方式"]);

/**
 * Waits until htmx has finished swapping and wiring up new content. A person never acts within the
 * 20 ms settle; a test can, and a `change` fired on a select htmx has not processed yet is lost.
 */
export async function htmxSettled(page: Page): Promise<void> {
  // Polled through locators: a string predicate would be eval'd in the page, which the CSP refuses.
  await expect.poll(() => page.locator(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added").count()).toBe(0);
}

/** Chooses the target in the move form, waits for htmx to bring its fields and fills them, without submitting. */
export async function fillMove(page: Page, target: string, extra: Record<string, string> = {}): Promise<void> {
  await htmxSettled(page);
  await page.getByLabel("推进至").selectOption({ label: target });
  const fields = { ...MOVE_INPUTS[target], ...extra };
  const first = Object.keys(fields)[0];
  if (first) await page.getByLabel(first, { exact: true }).waitFor();
  for (const [label, value] of Object.entries(fields)) {
    const field = page.getByLabel(label, { exact: true });
    if (SELECTS.has(label)) await field.selectOption({ label: value });
    else await field.fill(value);
  }
}

/** Fills in the move form for `target` and submits it. */
export async function moveTo(page: Page, target: string, extra: Record<string, string> = {}): Promise<void> {
  await fillMove(page, target, extra);
  await page.getByRole("button", { name: "确认推进" }).click();
}

/** The state word in the detail heading (its badge, not the lapse badge that may stand beside it). */
export async function shownState(page: Page): Promise<string> {
  return (await page.locator('#parcel-detail h1 .badge[class*=" s-"]').textContent())?.trim() ?? "";
}

export async function expectState(page: Page, state: string): Promise<void> {
  await expect.poll(() => shownState(page)).toBe(state);
}
