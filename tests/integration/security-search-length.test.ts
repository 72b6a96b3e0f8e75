import { beforeAll, describe, expect, it } from "vitest";
import { session } from "../helpers";

// D1 refuses a LIKE pattern over 50 bytes. The name search is `%` + escaped q + `%`, so the escaped
// search may take 50 - 2 = 48 bytes of UTF-8: 48 ASCII letters, or 48 / 3 = 16 汉字 (3 bytes each),
// or 24 `%` (each escaped to `\%`, 2 bytes: 24 × 2 = 48).
describe("search length bounded by bytes", () => {
  let viewer: Awaited<ReturnType<typeof session>>;
  beforeAll(async () => {
    viewer = await session("viewer");
  });
  const api = (q: string) => viewer.json("GET", `/api/v1/parcels?q=${encodeURIComponent(q)}`);
  const page = (q: string) => viewer.json("GET", `/parcels?q=${encodeURIComponent(q)}`);

  it.each([
    ["48 letters (48 bytes)", "a".repeat(48), 200],
    ["49 letters (49 bytes)", "a".repeat(49), 400],
    ["16 汉字 (16 × 3 = 48 bytes)", "地".repeat(16), 200],
    ["17 汉字 (17 × 3 = 51 bytes)", "地".repeat(17), 400],
    ["24 % (24 × 2 = 48 bytes escaped)", "%".repeat(24), 200],
    ["25 % (25 × 2 = 50 bytes escaped)", "%".repeat(25), 400],
    ["60 letters", "a".repeat(60), 400],
    ["40 汉字", "地".repeat(40), 400],
  ])("API: %s → %i", async (_what, q, status) => {
    const res = await api(q);
    expect(res.status).toBe(status);
    if (status === 400) {
      const body = (await res.json()) as { issues: { path: string; code: string; message: string }[] };
      expect(body.issues).toEqual([
        { path: "q", code: "search_too_long", message: "搜索词过长：最多 48 个字母或数字，或 16 个汉字" },
      ]);
    }
  });

  it("the page answers a long search 400 with the reason in Chinese, and a fitting one 200", async () => {
    const long = await page("地".repeat(40));
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("搜索词过长");
    expect((await page("a".repeat(60))).status).toBe(400);
    expect((await page("地".repeat(16))).status).toBe(200);
  });
});
