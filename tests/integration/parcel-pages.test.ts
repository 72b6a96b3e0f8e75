import { describe, expect, it } from "vitest";
import { call, count } from "../helpers";
import { one, select } from "../html";
import { apiParcel, browser, rowIds } from "./parcel-pages-helpers";

const XSS = "<script>alert(1)</script>";
const ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

describe("/parcels list page", () => {
  it("an officer logged in through the form sees parcels in Chinese", async () => {
    const officer = await browser("officer");
    const p = await apiParcel(officer.api, { town: `列表镇-${crypto.randomUUID()}` });
    const res = await officer.get("/parcels");
    const html = await res.text();
    expect(res.status).toBe(200);
    expect((await one(html, "html")).attrs.lang).toBe("zh-CN");
    expect((await select(html, "thead th")).map((th) => th.text)[0]).toBe("宗地编号");
    expect((await one(html, `tbody a[href='/parcels/${p.id}']`)).text).toBe(p.code);
    expect((await select(html, "tbody .badge.s-planned")).map((b) => b.text)).toContain("拟报批");
    // 12.5 亩 = 12.5 × 10000 / 15 m² = 8333.33 → 8333 m² → 8333 × 15 / 10000 = 12.4995 → 12.50 亩, 0.8333 公顷
    // The area cell reads 亩, a line break, then 公顷 in muted text.
    const area = (await select(html, "tbody td.num")).map((td) => td.text);
    expect(area).toContain("12.500.8333");
    expect((await select(html, "tbody td.num .muted")).map((m) => m.text)).toContain("0.8333");
    expect((await one(html, "a.button[href='/parcels/new']")).text).toBe("登记地块");
  });

  it("with HX-Request: true answers only the rows fragment; both answers vary on it", async () => {
    const officer = await browser("officer");
    const town = `片段镇-${crypto.randomUUID()}`;
    const p = await apiParcel(officer.api, { town });
    const path = `/parcels?town=${encodeURIComponent(town)}`;
    const fragment = await officer.get(path, { "HX-Request": "true" });
    const part = await fragment.text();
    expect(fragment.status).toBe(200);
    expect(fragment.headers.get("Vary")).toContain("HX-Request");
    expect(part).not.toContain("<html");
    expect(part).not.toContain("<form");
    // The count and area of the matches, then the table: both change with the filters.
    expect((await one(part, "p.list-totals")).text).toBe("共 1\u00a0宗，面积合计 12.50\u00a0亩（0.8333\u00a0公顷）");
    expect(await select(part, "div.table-wrap > table")).toHaveLength(1);
    expect(rowIds(part)).toEqual([p.id]);

    const full = await officer.get(path);
    const page = await full.text();
    expect(full.headers.get("Vary")).toContain("HX-Request");
    expect(page).toContain("<html");
    // The page embeds exactly the fragment inside its rows container.
    expect(page).toContain(`<div id="parcel-rows" aria-live="polite">${part}</div>`);
    // An htmx history restore replaces the whole body, so it gets the whole page.
    const restore = await officer.get(path, { "HX-Request": "true", "HX-History-Restore-Request": "true" });
    expect(await restore.text()).toContain("<html");
  });

  it("pages by keyset: 60 parcels of one town give 50, then 10, with no overlap", async () => {
    const officer = await browser("officer");
    const town = `分页镇-${crypto.randomUUID()}`;
    const created: number[] = [];
    for (let i = 0; i < 60; i++) created.push((await apiParcel(officer.api, { town })).id);
    const first = await (await officer.get(`/parcels?town=${encodeURIComponent(town)}`)).text();
    const page1 = rowIds(first);
    expect(page1).toHaveLength(50);
    expect(page1).toEqual([...created].reverse().slice(0, 50)); // newest first
    const next = /<a href="([^"]+)" rel="next"/.exec(first)![1].replaceAll("&amp;", "&");
    expect(next).toBe(`/parcels?town=${encodeURIComponent(town)}&cursor=${page1[49]}`);
    expect(first).not.toContain(">第一页</a>");

    const second = await (await officer.get(next)).text();
    const page2 = rowIds(second);
    expect(page2).toHaveLength(10);
    expect(page2.filter((id) => page1.includes(id))).toEqual([]);
    expect([...page1, ...page2].sort((a, b) => a - b)).toEqual(created);
    expect(second).not.toContain('rel="next"');
    // Back to the first page: the filter alone, no cursor.
    expect((await select(second, "a")).map((a) => a.attrs.href)).toContain(`/parcels?town=${encodeURIComponent(town)}`);
  });

  it("filters by state, land use and text on code or name", async () => {
    const officer = await browser("officer");
    const town = `筛选镇-${crypto.randomUUID()}`;
    const a = await apiParcel(officer.api, { town, landUse: "residential", name: "北区住宅地块" });
    const b = await apiParcel(officer.api, { town, landUse: "industrial", name: "南区工业地块" });
    const mv = await officer.api.json("POST", `/api/v1/parcels/${b.id}/moves`, {
      to: "approved",
      date: "2023-03-01",
      version: 1,
      docNo: "浙土字〔2023〕1号",
    });
    expect(mv.status).toBe(200);
    const ids = async (qs: string) =>
      rowIds(await (await officer.get(`/parcels?town=${encodeURIComponent(town)}&${qs}`)).text());
    expect(await ids("")).toEqual([b.id, a.id]);
    expect(await ids("state=approved")).toEqual([b.id]);
    expect(await ids("state=planned")).toEqual([a.id]);
    expect(await ids("landUse=residential")).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent("工业")}`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent(a.code)}`)).toEqual([a.id]);
    const empty = await (await officer.get(`/parcels?town=${encodeURIComponent(town)}&state=completed`)).text();
    expect(empty).toContain("没有符合筛选条件的地块。请放宽或清除筛选条件。");
    expect((await one(empty, "a[href='/parcels']:not([aria-current])")).text).toBe("清除筛选");
  });

  it("shows a parcel named like a script as text in the list, the fragment and the detail", async () => {
    const officer = await browser("officer");
    const town = `转义镇-${crypto.randomUUID()}`;
    const p = await apiParcel(officer.api, { town, name: XSS });
    for (const [path, headers] of [
      [`/parcels?town=${encodeURIComponent(town)}`, {}],
      [`/parcels?town=${encodeURIComponent(town)}`, { "HX-Request": "true" }],
      [`/parcels/${p.id}`, {}],
    ] as const) {
      const html = await (await officer.get(path, headers)).text();
      expect(html).toContain(ESCAPED);
      expect(html).not.toContain(XSS);
    }
  });

  it("without a session redirects to the login page, and a viewer may neither open nor post the register form", async () => {
    const res = await call("/parcels?state=planned", { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/login?next=${encodeURIComponent("/parcels?state=planned")}`);

    const viewer = await browser("viewer");
    const list = await (await viewer.get("/parcels")).text();
    expect(list).not.toContain('href="/parcels/new"');
    expect((await viewer.get("/parcels/new")).status).toBe(403);
    const before = await count("parcels");
    const post = await viewer.post("/parcels", {
      code: `V-${crypto.randomUUID()}`,
      name: "查看者地块",
      town: "凤桥镇",
      landUse: "industrial",
      origin: "collective",
      areaValue: "3",
      areaUnit: "mu",
    });
    expect(post.status).toBe(403);
    expect(await count("parcels")).toBe(before);
  });

  it("renders English labels with ?lang=en", async () => {
    const officer = await browser("officer");
    const p = await apiParcel(officer.api, { town: `英文镇-${crypto.randomUUID()}` });
    const detail = await (await officer.get(`/parcels/${p.id}?lang=en`)).text();
    expect((await one(detail, "label[for=move-to]")).text).toBe("Move to");
    expect((await select(detail, "dt")).map((d) => d.text)).toContain("Parcel code");
    expect((await select(detail, "h2")).map((h) => h.text)).toContain("History");
    const html = await (await officer.get("/parcels?lang=en")).text();
    expect((await one(html, "html")).attrs.lang).toBe("en");
    expect((await select(html, "thead th")).map((th) => th.text)[0]).toBe("Parcel code");
    expect((await select(html, "tbody .badge.s-planned")).map((b) => b.text)).toContain("Planned");
    expect(html).toContain(">Register a parcel</a>");
  });

  it("keeps the ?lang= choice for the next pages (their links and htmx requests carry no ?lang=)", async () => {
    const officer = await browser("officer");
    const choice = await officer.get("/parcels?lang=en");
    const langCookie = choice.headers.getSetCookie().find((c) => c.startsWith("lang="))!;
    expect(langCookie).toContain("lang=en;");
    const next = await (await officer.get("/parcels/new", { Cookie: `${officer.cookie}; lang=en` })).text();
    expect((await one(next, "label[for=reg-code]")).text).toBe("Parcel code");
    const back = await officer.get("/parcels?lang=zh-CN", { Cookie: `${officer.cookie}; lang=en` });
    expect((await select(await back.text(), "thead th")).map((th) => th.text)[0]).toBe("宗地编号");
  });
});
