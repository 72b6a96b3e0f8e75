import type { Context } from "hono";
import type { AppEnv } from "../env";

/**
 * The clock seam. "Now" (and from it "today" in Asia/Shanghai) comes from here once per request; rules
 * take the date as an argument. With the binding TEST_CLOCK = "header" — set only by the test pool and,
 * if wanted, local dev — a request may fix its clock with `X-Test-Now: <ISO instant>` or
 * `X-Test-Today: YYYY-MM-DD` (noon in Shanghai). A Worker with TEST_CLOCK set that answers a host other
 * than this machine is misconfigured: it refuses every request (see ClockSeamRefused) so the seam can
 * never reach production unnoticed.
 */
export class ClockSeamRefused extends Error {}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const TODAY = /^\d{4}-\d{2}-\d{2}$/;

/** The request's instant. Throws ClockSeamRefused when the seam is on where it must not be. */
export function requestNow(c: Context<AppEnv>): Date {
  const seam = c.env?.TEST_CLOCK ?? "";
  if (!seam) return new Date();
  const host = new URL(c.req.url).hostname;
  if (!LOCAL_HOSTS.has(host))
    throw new ClockSeamRefused(`TEST_CLOCK is set on a Worker answering ${host}: refusing to serve`);
  if (seam !== "header") throw new ClockSeamRefused(`TEST_CLOCK must be "" or "header", not ${JSON.stringify(seam)}`);
  const today = c.req.header("X-Test-Today");
  const fixed = today && TODAY.test(today) ? `${today}T04:00:00.000Z` : c.req.header("X-Test-Now");
  if (!fixed) return new Date();
  const at = new Date(fixed);
  if (Number.isNaN(at.getTime())) throw new ClockSeamRefused(`X-Test-Now/X-Test-Today is not a date: ${fixed}`);
  return at;
}
