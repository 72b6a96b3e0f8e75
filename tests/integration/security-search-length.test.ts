import { beforeAll, describe, expect, it } from "vitest";
import { session } from "../helpers";

// The search is matched by two-character pieces and instr(), not LIKE (issue 10), so D1's 50-byte
// limit on LIKE patterns no longer bounds it: the limit is 50 characters, whatever their bytes.
describe("search length bounded by characters", () => {
  let viewer: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => {
    viewer = await session("viewer");
  });
  const api = (q: string) => viewer.json("GET", `/api/v1/parcels?q=${encodeURIComponent(q)}`);
  const page = (q: string) => viewer.json("GET", `/parcels?q=${encodeURIComponent(q)}`);

  it.each([
    ["50 letters", "a".repeat(50), 200],
    ["51 letters", "a".repeat(51), 400],
    ["50 汉字 (150 bytes)", "地".repeat(50), 200],
    ["51 汉字", "地".repeat(51), 400],
    ["50 % (each a literal character)", "%".repeat(50), 200],
    ["60 letters", "a".repeat(60), 400],
    ["40 汉字", "地".repeat(40), 200],
  ])("API: %s → %i", async (_what, q, status) => {
    const res = await api(q);
    expect(res.status).toBe(status);
    if (status === 400) {
      const body = (await res.json()) as { issues: { path: string; code: string; message: string }[] };
      expect(body.issues).toEqual([{ path: "q", code: "search_too_long", message: "搜索词过长：最多 50 个字" }]);
    }
  });

  it("the page answers a long search 400 with the reason in Chinese, and a fitting one 200", async () => {
    const long = await page("地".repeat(51));
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("搜索词过长");
    expect((await page("a".repeat(60))).status).toBe(400);
    expect((await page("地".repeat(50))).status).toBe(200);
  });
});
