import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { parcelAt } from "../chain-fixtures";
import { call, session } from "../helpers";
import { one, select } from "../html";
import { browser } from "./parcel-pages-helpers";

// chain-fixtures approves on 2023-01-10; an approved-only parcel stays in the stock.

describe("/api/v1/digestion", () => {
  it("answers 400 with a message for a bad year or asOf, 401 without a session", async () => {
    const viewer = await session("viewer");
    for (const qs of ["year=abc", "year=1800", "asOf=2023-02-30", "asOf=yesterday"]) {
      const r = await viewer.json("GET", `/api/v1/digestion?${qs}`);
      expect(r.status, qs).toBe(400);
      expect(((await r.json()) as { message: string }).message).toBeTruthy();
    }
    expect((await call("/api/v1/digestion")).status).toBe(401);
  });

  it("says there is no target for a year without one", async () => {
    const viewer = await session("viewer");
    const r = await viewer.json("GET", "/api/v1/digestion?year=2023&asOf=2023-06-30");
    expect(r.status).toBe(200);
    expect(((await r.json()) as { target: unknown; progress: unknown }).target).toBeNull();
  });
});

describe("/digestion page", () => {
  it("shows pickers as a GET form with hx-push-url, the charts with their tables, and the work list", async () => {
    const officer = await browser("officer");
    const p = await parcelAt(officer.api, "approved", { town: "大桥镇" });
    const html = await (await officer.get("/digestion?year=2023&asOf=2023-06-30")).text();
    const form = await one(html, 'form[action="/digestion"]');
    expect(form.attrs).toMatchObject({ method: "get", "hx-get": "/digestion", "hx-push-url": "true" });
    expect(await select(html, 'svg[role="img"]')).not.toHaveLength(0);
    expect((await select(html, "table caption")).map((c) => c.text)).toContain("存量按镇（街道，拼音序）");
    expect(await select(html, `a[href="/parcels/${p.id}"]`)).toHaveLength(1);
    expect(html).toContain("2023年度尚未设定消化目标。");
  });

  it("a bad as-of date is a 400 page", async () => {
    const viewer = await browser("viewer");
    expect((await viewer.get("/digestion?asOf=2023-13-01")).status).toBe(400);
  });

  it("exports the work list as CSV: UTF-8 with BOM, Chinese headers", async () => {
    const officer = await browser("officer");
    const p = await parcelAt(officer.api, "approved", { name: "=HYPERLINK(1)" });
    const res = await officer.get("/digestion/work-list.csv?year=2023&asOf=2023-06-30");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await res.text();
    expect(text.split("\r\n")[0].replace("\uFEFF", "")).toBe(
      "宗地编号,坐落,镇（街道）,批准日期,面积（亩）,面积（公顷）,批准失效预警",
    );
    // A name that looks like a formula is defused; 12.5 亩 = 8333 m² → 12.50 亩, 0.8333 公顷.
    expect(text).toContain(",'=HYPERLINK(1),");
    expect(text).toContain("2023-01-10,12.50,0.8333");
    expect(p.id).toBeGreaterThan(0);
  });
});

describe("/digestion by batch on the page", () => {
  it("charts the 29 largest batches and sums the others in one bar; the API lists every batch", async () => {
    // 32 batches, each with one approved parcel of 1000 + i m² (approved 2023-02-01, in the stock on 2023-06-30).
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 32)
       INSERT INTO batches (name, kind) SELECT 'BB批次' || i, 'urban' FROM n`,
    ).run();
    await env.DB.prepare(
      `INSERT INTO parcels (code, name, town, land_use, origin, area_m2, state, version, batch_id, approved_on)
       SELECT 'BB-' || b.id, '批次图地块', '凤桥镇', 'industrial', 'collective', 1000 + b.id, 'approved', 2, b.id, '2023-02-01'
       FROM batches b WHERE b.name LIKE 'BB批次%'`,
    ).run();
    const viewer = await browser("viewer");
    const api = (await (await viewer.api.json("GET", "/api/v1/digestion?year=2023&asOf=2023-06-30")).json()) as {
      byBatch: unknown[];
    };
    expect(api.byBatch.length).toBeGreaterThanOrEqual(32);
    const html = await (await viewer.get("/digestion?year=2023&asOf=2023-06-30")).text();
    const caption = (await select(html, "table caption")).find((c) => c.text === "存量按批次");
    expect(caption).toBeDefined();
    // Every batch with stock beyond the 29 largest is summed: L − 29 others.
    expect(html).toContain(`其余 ${api.byBatch.length - 29} 个批次`);
  });
});
