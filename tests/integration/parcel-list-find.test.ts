import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { newParcel, session } from "../helpers";
import { one, select } from "../html";

// Finding parcels (issue 10): any part of the code, name or land user; count and area of all matches
// above the rows; sorts paged by keyset both ways. This file's D1 holds only what it registers here.

let officer: Awaited<ReturnType<typeof session>>;
const ids: Record<string, number> = {};
let batchId: number;
const BATCH = "南湖区2023年度第3批次城镇建设用地";

type ListJson = {
  items: { id: number; code: string }[];
  nextCursor: string | null;
  prevCursor: string | null;
  total: { count: number; atLeast: boolean; areaM2?: number; areaMu?: number; areaHa?: number };
};
const list = async (qs: string) => {
  const res = await officer.json("GET", `/api/v1/parcels?${qs}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ListJson;
};
const codes = (l: ListJson) => l.items.map((i) => i.code);
const q = (s: string) => `q=${encodeURIComponent(s)}`;

beforeAll(async () => {
  officer = await session("officer");
  const batch = await officer.json("POST", "/api/v1/batches", {
    name: BATCH,
    kind: "urban",
    totalArea: { value: 30, unit: "mu" },
  });
  expect(batch.status, await batch.clone().text()).toBe(201);
  batchId = ((await batch.json()) as { id: number }).id;
  const register = async (key: string, over: Record<string, unknown>) => {
    const res = await officer.json("POST", "/api/v1/parcels", newParcel(over));
    expect(res.status).toBe(201);
    ids[key] = ((await res.json()) as { id: number }).id;
  };
  // Areas in m² (toM2 rounds half up): 10 亩 = 100000/15 = 6666.67 → 6667; 20 亩 → 13333.33 → 13333;
  // 1.5 公顷 = 15000; 5 亩 → 3333.33 → 3333.
  await register("p1", {
    code: "330402006001GB00314",
    name: "城南街道南溪路以北地块",
    town: "城南街道",
    landUse: "residential",
    area: { value: 10, unit: "mu" },
  });
  await register("p2", {
    code: "330402006001GB00315",
    name: "城南街道槜李路以南地块",
    town: "城南街道",
    area: { value: 20, unit: "mu" },
  });
  await register("p3", {
    code: "ZD-2023-7",
    name: "凤桥镇南溪村地块",
    batchId,
    area: { value: 1.5, unit: "ha" },
  });
  // Holds both pieces of 南溪路 (南溪, 溪路) without holding 南溪路 itself.
  await register("p4", { code: "GB-X", name: "南溪溪路测试", area: { value: 5, unit: "mu" } });
  const moved = await officer.json("POST", `/api/v1/parcels/${ids.p3}/moves`, {
    to: "approved",
    date: "2023-05-06",
    version: 1,
    docNo: "浙土字〔2023〕37号",
  });
  expect(moved.status).toBe(200);
  // A land user written by a path other than the app's forms (as an import would): the triggers index it.
  await env.DB.prepare("UPDATE parcels SET land_user = '嘉兴市恒泰置业有限公司' WHERE id = ?").bind(ids.p2).run();
});

describe("search matches any part of the code, name or land user", () => {
  it('"00314" finds GB00314 by the middle of its code', async () => {
    expect(codes(await list(q("00314")))).toEqual(["330402006001GB00314"]);
  });
  it('"南溪路" finds 城南街道南溪路以北地块, and not a name holding its pieces apart', async () => {
    expect(codes(await list(q("南溪路")))).toEqual(["330402006001GB00314"]);
  });
  it("two characters match wherever they occur, newest first", async () => {
    expect(codes(await list(q("南溪")))).toEqual(["GB-X", "ZD-2023-7", "330402006001GB00314"]);
  });
  it("finds the land user, and letters in either case", async () => {
    expect(codes(await list(q("恒泰置业")))).toEqual(["330402006001GB00315"]);
    expect(codes(await list(q("gb0031")))).toEqual(["330402006001GB00315", "330402006001GB00314"]);
    expect(codes(await list(q("ｇｂ-Ｘ")))).toEqual(["GB-X"]);
  });
  it("follows a renamed parcel: the new name is found, the old one no longer", async () => {
    await env.DB.prepare("UPDATE parcels SET name = '东栅街道东升路地块' WHERE id = ?").bind(ids.p4).run();
    expect(codes(await list(q("东升路")))).toEqual(["GB-X"]);
    expect(codes(await list(q("溪溪")))).toEqual([]);
    await env.DB.prepare("UPDATE parcels SET name = '南溪溪路测试' WHERE id = ?").bind(ids.p4).run();
  });
  it("finds nothing for a piece no parcel holds, and one character matches the start of the code", async () => {
    expect(codes(await list(q("不存在的地名")))).toEqual([]);
    expect(codes(await list(q("z")))).toEqual(["ZD-2023-7"]);
    expect(codes(await list(q("3")))).toEqual(["330402006001GB00314", "330402006001GB00315"]);
  });
  it("takes 50 characters and refuses 51 with the reason", async () => {
    expect((await officer.json("GET", `/api/v1/parcels?${q("地".repeat(50))}`)).status).toBe(200);
    const res = await officer.json("GET", `/api/v1/parcels?${q("地".repeat(51))}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { path: string; code: string }[] };
    expect(body.issues.map((i) => [i.path, i.code])).toEqual([["q", "search_too_long"]]);
  });
});

describe("count and area of every match", () => {
  it("totals the whole register from the tallies", async () => {
    // 6667 + 13333 + 15000 + 3333 = 38333 m² = 38333 × 15 / 10000 = 57.4995 亩 → 57.50; 3.8333 公顷.
    expect((await list("limit=1")).total).toEqual({
      count: 4,
      atLeast: false,
      areaM2: 38333,
      areaMu: 57.5,
      areaHa: 3.8333,
    });
  });
  it("totals a search over all its matches, not just the page", async () => {
    // 地块 is in p1, p2, p3: 6667 + 13333 + 15000 = 35000 m² = 52.5 亩 = 3.5 公顷.
    const l = await list(`${q("地块")}&limit=1`);
    expect(l.items).toHaveLength(1);
    expect(l.total).toEqual({ count: 3, atLeast: false, areaM2: 35000, areaMu: 52.5, areaHa: 3.5 });
  });
  it("totals filters by town, approval year and batch name", async () => {
    // 城南街道: p1 + p2 = 6667 + 13333 = 20000 m² = 30 亩 = 2 公顷.
    expect((await list(`town=${encodeURIComponent("城南街道")}`)).total).toMatchObject({ count: 2, areaM2: 20000 });
    // Approved in 2023: p3 alone, 15000 m² = 22.5 亩.
    const year = await list("year=2023");
    expect(codes(year)).toEqual(["ZD-2023-7"]);
    expect(year.total).toMatchObject({ count: 1, areaM2: 15000, areaMu: 22.5 });
    const batch = await list(`batch=${encodeURIComponent(BATCH)}`);
    expect(codes(batch)).toEqual(["ZD-2023-7"]);
    expect(batch.total).toMatchObject({ count: 1, areaM2: 15000 });
    expect((await list(`year=2022`)).total).toMatchObject({ count: 0, areaM2: 0 });
    expect((await list(`state=approved&landUse=industrial`)).total).toMatchObject({ count: 1, areaM2: 15000 });
  });
  it("shows the count and area above the rows and a totals row beneath them", async () => {
    const html = await (await officer.json("GET", `/parcels?${q("地块")}`)).text();
    expect((await one(html, ".list-totals")).text).toBe("共 3\u00a0宗，面积合计 52.50\u00a0亩（3.5000\u00a0公顷）");
    const foot = await select(html, "tfoot td");
    expect(foot.map((c) => c.text.trim())).toEqual(["合计", "3\u00a0宗", "52.503.5000", ""]);
  });
});

describe("sorting, kept in the URL and paged both ways", () => {
  it("sorts by area, largest first, and pages next and back by keyset", async () => {
    // m²: p3 15000 > p2 13333 > p1 6667 > p4 3333.
    const first = await list("sort=area&limit=2");
    expect(codes(first)).toEqual(["ZD-2023-7", "330402006001GB00315"]);
    expect(first.prevCursor).toBeNull();
    const second = await list(`sort=area&limit=2&cursor=${first.nextCursor}`);
    expect(codes(second)).toEqual(["330402006001GB00314", "GB-X"]);
    expect(second.nextCursor).toBeNull();
    const back = await list(`sort=area&limit=2&before=${second.prevCursor}`);
    expect(codes(back)).toEqual(["ZD-2023-7", "330402006001GB00315"]);
    expect(back.prevCursor).toBeNull();
    expect(codes(await list("sort=area&dir=asc"))).toEqual([
      "GB-X",
      "330402006001GB00314",
      "330402006001GB00315",
      "ZD-2023-7",
    ]);
  });
  it("sorts by code, by approval date (unapproved after) and in chain order", async () => {
    expect(codes(await list("sort=code"))).toEqual(["330402006001GB00314", "330402006001GB00315", "GB-X", "ZD-2023-7"]);
    // Newest approval first; the unapproved (p4, p2, p1) follow, newest registered first.
    expect(codes(await list("sort=approved"))).toEqual([
      "ZD-2023-7",
      "GB-X",
      "330402006001GB00315",
      "330402006001GB00314",
    ]);
    // Chain order: planned (p1, p2, p4 by id) before approved (p3).
    expect(codes(await list("sort=state"))).toEqual([
      "330402006001GB00314",
      "330402006001GB00315",
      "GB-X",
      "ZD-2023-7",
    ]);
  });
  it("marks the sorted column, links each header to its order, and keeps the order in the pager", async () => {
    const html = await (await officer.json("GET", "/parcels?sort=area&limit=2")).text();
    const sorted = await select(html, "th[aria-sort]");
    expect(sorted.map((th) => [th.text.trim(), th.attrs["aria-sort"]])).toEqual([
      ["面积（亩 / 公顷） ▼", "descending"],
    ]);
    const areaLink = await one(html, "th[aria-sort] a");
    expect(areaLink.attrs.href.replaceAll("&amp;", "&")).toBe("/parcels?sort=area&dir=asc");
    const next = await one(html, 'nav.pager a[rel="next"]');
    const nextHref = next.attrs.href.replaceAll("&amp;", "&");
    expect(new URL(nextHref, "http://x").searchParams.get("sort")).toBe("area");
    expect((await one(html, 'form.filters input[name="sort"]')).attrs.value).toBe("area");
    const page2 = await (await officer.json("GET", nextHref)).text();
    const prev = await one(page2, 'nav.pager a[rel="prev"]');
    const back = await (await officer.json("GET", prev.attrs.href.replaceAll("&amp;", "&"))).text();
    expect((await select(back, "tbody td:nth-child(1) a")).map((a) => a.text)).toEqual([
      "ZD-2023-7",
      "330402006001GB00315",
    ]);
  });
});

describe("the summaries kept by triggers match the parcels", () => {
  it("every tally row equals a count over the parcels, for all 32 filter combinations", async () => {
    const { results: parcels } = await env.DB.prepare(
      "SELECT state, town, land_use, batch_id, approved_on, area_m2 FROM parcels",
    ).all<{
      state: string;
      town: string;
      land_use: string;
      batch_id: number | null;
      approved_on: string | null;
      area_m2: number;
    }>();
    const expected = new Map<string, [number, number]>();
    for (const p of parcels)
      for (let mask = 0; mask < 32; mask++) {
        const key = [
          mask & 1 ? "*" : p.state,
          mask & 2 ? "*" : p.town,
          mask & 4 ? "*" : p.land_use,
          mask & 8 ? -1 : (p.batch_id ?? 0),
          mask & 16 ? "*" : (p.approved_on?.slice(0, 4) ?? ""),
        ].join("|");
        const [n, a] = expected.get(key) ?? [0, 0];
        expected.set(key, [n + 1, a + p.area_m2]);
      }
    const { results: tallies } = await env.DB.prepare(
      "SELECT state, town, land_use, batch_key, approval_year, count, area_m2 FROM parcel_tallies WHERE count <> 0",
    ).all<{
      state: string;
      town: string;
      land_use: string;
      batch_key: number;
      approval_year: string;
      count: number;
      area_m2: number;
    }>();
    const actual = new Map(
      tallies.map((t) => [
        [t.state, t.town, t.land_use, t.batch_key, t.approval_year].join("|"),
        [t.count, t.area_m2] as [number, number],
      ]),
    );
    expect(actual).toEqual(expected);
  });
  it("every parcel's two-character pieces are indexed, and nothing else", async () => {
    const { results: parcels } = await env.DB.prepare("SELECT id, code, name, land_user FROM parcels").all<{
      id: number;
      code: string;
      name: string;
      land_user: string | null;
    }>();
    const expected = new Set<string>();
    for (const p of parcels)
      for (const text of [p.code, p.name, p.land_user ?? ""]) {
        const cs = [...text.replace(/[A-Z]/g, (c) => c.toLowerCase())];
        for (let i = 0; i + 1 < cs.length; i++) expected.add(`${cs[i]}${cs[i + 1]}|${p.id}`);
      }
    const { results: grams } = await env.DB.prepare("SELECT gram, parcel_id FROM parcel_grams").all<{
      gram: string;
      parcel_id: number;
    }>();
    expect(new Set(grams.map((g) => `${g.gram}|${g.parcel_id}`))).toEqual(expected);
    const { results: counts } = await env.DB.prepare("SELECT gram, n FROM gram_counts WHERE n <> 0").all<{
      gram: string;
      n: number;
    }>();
    const perGram = new Map<string, number>();
    for (const g of expected) perGram.set(g.split("|")[0], (perGram.get(g.split("|")[0]) ?? 0) + 1);
    expect(new Map(counts.map((c) => [c.gram, c.n]))).toEqual(perGram);
  });
});

describe("a search matching more than 5,000 parcels", () => {
  it("says more than 5,000 and sums no area, reading at most 5,001 matches", async () => {
    // 5,001 parcels whose names hold 批量 (written in one statement, as an import would).
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5001)
       INSERT INTO parcels (code, name, town, land_use, origin, area_m2, state) SELECT 'BULK-' || i, '批量导入地块' || i, '余新镇', 'other', 'state', 100, 'planned' FROM n`,
    ).run();
    const l = await list(q("批量"));
    expect(l.total).toEqual({ count: 5000, atLeast: true });
    const html = await (await officer.json("GET", `/parcels?${q("批量")}`)).text();
    expect((await one(html, ".list-totals")).text).toBe("超过 5,000 宗，请缩小搜索范围后查看面积合计");
    // The unfiltered count still comes whole from the tallies: 4 + 5001 = 5005.
    const all = await (await officer.json("GET", "/parcels")).text();
    expect((await one(all, ".list-totals")).text).toMatch(/^共 5,005\u00a0宗，/);
  });
});

describe("printing a list", () => {
  it("carries the bureau, the title, the filters in words, the data date and when it was made", async () => {
    const res = await officer.json("GET", `/parcels?state=approved&sort=area`, undefined, {
      "X-Test-Now": "2023-05-06T06:30:00.000Z",
    });
    const html = await res.text();
    const head = (await one(html, "header.print-head")).text;
    // 06:30 UTC is 14:30 in Shanghai (UTC+8) on the same day.
    expect(head).toBe(
      "南湖区自然资源和规划分局 · 地块筛选条件：状态：已批准；按面积从大到小数据日期：2023-05-06 · 打印时间：2023-05-06 14:30",
    );
    expect((await one(html, "header.print-head time")).attrs.datetime).toBe("2023-05-06");
  });
  it("hides navigation and forms in print, keeps figures and dates whole, and lays wide pages landscape", async () => {
    const html = await (await officer.json("GET", "/parcels")).text();
    const href = (await one(html, 'link[rel="stylesheet"]')).attrs.href;
    const css = await (await officer.json("GET", href)).text();
    const print = css.slice(css.indexOf("@media print{"));
    expect(print).toMatch(/\.topbar,\.mainnav,form,\.pager[^{]*\{display:none!important\}/);
    expect(print).toMatch(/td\.num,th\.num,\.nowrap,time,\.badge\{white-space:nowrap\}/);
    expect(css).toContain("@page{size:A4 landscape;margin:10mm}");
  });
});
