import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { app } from "../src/app";
import { BASE } from "./helpers";
import { select } from "./html";

/**
 * The home page as the browser with `cookie` sees it on `today`, sent as `npm run bench` sends it (BENCH=1, so
 * the answer carries X-Rows-Read): rows read, D1 round trips, the day's work as [text, href], the viewer's
 * headline figures and the `role` hint cookie the answer sets.
 */
export async function readHome(cookie: string, today: string) {
  const res = await app.fetch(new Request(BASE + "/", { headers: { Cookie: cookie, "X-Test-Today": today } }), {
    ...env,
    BENCH: "1",
  });
  expect(res.status).toBe(200);
  const html = await res.text();
  return {
    rows: Number(res.headers.get("X-Rows-Read")),
    calls: res.headers.get("X-D1-Calls"),
    links: (await select(html, "#work a")).map((a) => [a.text.trim(), a.attrs.href]),
    headline: (await select(html, "#headline dd")).map((d) => d.text.trim()),
    setHint: res.headers
      .getSetCookie()
      .filter((c) => c.startsWith("role="))
      .map((c) => c.split(";")[0]),
  };
}
