import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../scripts/bench/local-db";

/** Logs a demo user in through the login form, as a person would. */
export async function logInAs(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(`${base}/`);
}

/** A JSON API client logged in as a demo user, for arranging data the flow under test then reads. */
export async function apiAs(base: string, username: string) {
  const res = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`API login as ${username}: ${res.status}`);
  const cookie = res.headers.get("Set-Cookie")!.split(";")[0];
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(base + path, {
      method,
      headers: { Cookie: cookie, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<Record<string, unknown>>;
  };
}
