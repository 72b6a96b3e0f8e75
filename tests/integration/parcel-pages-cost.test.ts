import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { BASE } from "../helpers";
import { parcelAt } from "../chain-fixtures";
import { apiParcel, browser, rowIds } from "./parcel-pages-helpers";

/** The real app with BENCH=1: answers carry X-Rows-Read, the D1 rows read to serve them. */
const bench = (path: string, cookie: string, headers: Record<string, string> = {}) =>
  app.fetch(new Request(BASE + path, { headers: { Cookie: cookie, ...headers } }), { ...env, BENCH: "1" });

// Storage is per test file, so this file alone decides what the tables hold.
describe("rows read by the parcel pages", () => {
  it("a list page reads its page plus one, whatever the table holds; the fragment reads the same", async () => {
    const officer = await browser("officer");
    const town = "读数镇";
    for (let i = 0; i < 120; i++) await apiParcel(officer.api, { town: i % 2 ? town : "其他镇" });
    const path = `/parcels?town=${encodeURIComponent(town)}`;
    // Session: the touch looks up 1 sessions row by primary key, the lookup 1 sessions row + 1 users row = 3.
    // Page 1 of 60 in the town: 50 + 1 to know a next page exists = 51, and the count and area of the filter:
    // 1 parcel_tallies row by primary key. The whole page also reads the towns list for its filter: the 13 of
    // the migration plus 读数镇 and 其他镇 = 15. Total 3 + 51 + 1 + 15 = 70; the rows-only fragment skips the
    // towns (limit 0): 55.
    const page = await bench(path, officer.cookie);
    expect(page.headers.get("X-Rows-Read")).toBe("70");
    expect((await bench(path, officer.cookie, { "HX-Request": "true" })).headers.get("X-Rows-Read")).toBe("55");
    // Page 2: the 10 parcels left below the cursor on the (town, id) index, plus the one entry past
    // the town where the walk learns it has ended (page 1 stopped at its limit instead): 3 + 10 + 1, + 1 tally
    // row, + 15 towns = 30.
    const last = rowIds(await page.text()).at(-1)!;
    expect((await bench(`${path}&cursor=${last}`, officer.cookie)).headers.get("X-Rows-Read")).toBe("30");
  });

  it("a detail page reads the parcel, its events and their actors", async () => {
    const officer = await browser("officer");
    const p = await parcelAt(officer.api, "acquired"); // two moves
    // Session 3 (as above) + parcel 1 + 2 events + their 2 actors = 8; the batch choices (limit 0) read none.
    const res = await bench(`/parcels/${p.id}`, officer.cookie);
    expect(res.headers.get("X-Rows-Read")).toBe("8");
    // All of it, the session included, in one round trip to D1.
    expect(res.headers.get("X-D1-Calls")).toBe("1");
  });
});
