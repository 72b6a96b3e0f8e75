import { expect } from "vitest";
import type { Page } from "playwright-core";
import { seriousViolations, unlabelledFields } from "./axe";
import { htmxLoaded } from "./browser";
import { shoot } from "./shots";

/**
 * What every page of the flows must satisfy, then its screenshot: htmx loaded (pinned URL, SRI and
 * CSP all agreed), no serious or critical axe violation, every form field labelled.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await shoot(page, name);
  expect(await htmxLoaded(page), `htmx not loaded on ${name}`).toBe(true);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  expect(await unlabelledFields(page), `unlabelled fields on ${name}`).toEqual([]);
}
