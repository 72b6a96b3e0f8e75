import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createBatch } from "../batch-fixtures";
import { call, count } from "../helpers";
import { apiParcel, browser, fieldHtml } from "./parcel-pages-helpers";

let officer: Awaited<ReturnType<typeof browser>>;
let viewer: Awaited<ReturnType<typeof browser>>;
beforeAll(async () => {
  officer = await browser("officer");
  viewer = await browser("viewer");
});

const valid = () => ({
  name: `南湖区2023年度第9批次城镇建设用地-${crypto.randomUUID().slice(0, 6)}`,
  kind: "urban",
  authority: "省政府",
  unit: "ha",
  totalArea: "41.08",
  agriculturalArea: "30",
  cultivatedArea: "20",
  unusedArea: "",
  newConstructionArea: "",
  docNo: "",
  approvedOn: "",
  note: "",
});

describe("GET /batches", () => {
  it("shows the five-year figure, the filters and the batches, with the nav entry live", async () => {
    const b = await createBatch(officer.api, { name: "列表可见批次" });
    const res = await viewer.get("/batches");
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('<a href="/batches" aria-current="page">批次</a>');
    expect(html).toContain("近五年供地率");
    expect(html).toContain(`<a href="/batches/${b.id}">列表可见批次</a>`);
    expect(html).toContain("未批准");
    // A viewer is not offered the register button; an officer is.
    expect(html).not.toContain('href="/batches/new"');
    expect(await (await officer.get("/batches")).text()).toContain('<a class="button" href="/batches/new">登记批次</a>');
  });

  it("answers htmx with the rows alone and varies on HX-Request", async () => {
    const res = await viewer.get("/batches?kind=urban", { "HX-Request": "true" });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).not.toContain("<html");
    expect(html).toContain("<table>");
    expect(res.headers.get("Vary")).toContain("HX-Request");
  });

  it("offers sortable columns that keep the filters", async () => {
    await createBatch(officer.api, { kind: "linked" });
    const html = await (await viewer.get("/batches?kind=linked")).text();
    expect(html).toContain('href="/batches?kind=linked&amp;sort=rate"');
    const sorted = await (await viewer.get("/batches?kind=linked&sort=rate")).text();
    expect(sorted).toContain('aria-sort="descending"');
    expect(sorted).toContain('href="/batches?kind=linked&amp;sort=rate&amp;dir=asc"');
  });

  it("drops a malformed filter with a notice (400)", async () => {
    const res = await viewer.get("/batches?kind=rural");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("筛选条件无效");
  });

  it("sends a browser without a session to the login page", async () => {
    const res = await call("/batches", { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/login?next=%2Fbatches");
  });
});

describe("register form (GET /batches/new, POST /batches)", () => {
  it("shows the form to an officer, not to a viewer", async () => {
    const html = await (await officer.get("/batches/new")).text();
    expect(html).toContain('<form method="post" action="/batches"');
    expect(html).toContain('<label for="batch-totalArea">批准总面积</label>');
    expect((await viewer.get("/batches/new")).status).toBe(403);
  });

  it("registers and answers 303 to the batch, areas converted from 公顷", async () => {
    const form = valid();
    const res = await officer.post("/batches", form);
    expect(res.status).toBe(303);
    const id = Number(/^\/batches\/(\d+)$/.exec(res.headers.get("Location")!)![1]);
    // 41.08 公顷 = 410,800 m² = 616.20 亩; 30 公顷 = 300,000 m²; 20 公顷 = 200,000 m².
    expect(await env.DB.prepare("SELECT total_m2, agricultural_m2, cultivated_m2, unused_m2 FROM batches WHERE id = ?").bind(id).first()).toEqual({
      total_m2: 410800, agricultural_m2: 300000, cultivated_m2: 200000, unused_m2: null,
    });
    const html = await (await officer.get(`/batches/${id}`)).text();
    expect(html).toContain("<dd>616.20 亩 / 41.0800 公顷</dd>");
  });

  const refusals: [string, Record<string, string>, string, string][] = [
    ["a missing name", { name: "" }, "batch-name", "必填"],
    ["a missing kind", { kind: "" }, "batch-kind", "必填"],
    ["a missing total area", { totalArea: "" }, "batch-totalArea", "必填"],
    ["a total area in words", { totalArea: "四十公顷" }, "batch-totalArea", "格式不正确"],
    ["a zero total area", { totalArea: "0" }, "batch-totalArea", "数值过小；面积至少 1 平方米"],
    ["cultivated over agricultural", { cultivatedArea: "31" }, "batch-cultivatedArea", "耕地面积不能大于农用地面积"],
    ["a part over the total", { newConstructionArea: "42" }, "batch-newConstructionArea", "不能大于批准总面积"],
    ["a date without doc no.", { approvedOn: "2020-05-01" }, "batch-docNo", "填写了批准日期时须填写批准文号"],
    ["a doc no. without date", { docNo: "浙政土〔2020〕9号" }, "batch-approvedOn", "填写了批准文号时须填写批准日期"],
    ["an approval date after today", { docNo: "X", approvedOn: "2099-01-01" }, "batch-approvedOn", "业务日期不能晚于今天"],
  ];
  for (const [what, over, inputId, message] of refusals)
    it(`refuses ${what} in Chinese next to the field, keeps what was typed, writes nothing`, async () => {
      const before = await count("batches");
      const form = { ...valid(), ...over };
      const res = await officer.post("/batches", form);
      expect(res.status).toBe(422);
      const html = await res.text();
      const field = fieldHtml(html, inputId);
      expect(field).toContain(`aria-invalid="true"`);
      expect(field).toContain(message);
      expect(html).toContain(`value="${form.name}"`);
      expect(html).toContain('<option value="ha" selected="">公顷</option>');
      expect(await count("batches")).toBe(before);
    });

  it("refuses a viewer (403), sends an anonymous browser to log in, and refuses a cross-site post — writing nothing", async () => {
    const before = await count("batches");
    expect((await viewer.post("/batches", valid())).status).toBe(403);
    const anon = await call("/batches", { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://127.0.0.1:8787" }, body: new URLSearchParams(valid()).toString() });
    expect(anon.status).toBe(303);
    expect(anon.headers.get("Location")).toContain("/login");
    const anonHtmx = await call("/batches", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://127.0.0.1:8787", "HX-Request": "true" }, body: new URLSearchParams(valid()).toString() });
    expect(anonHtmx.status).toBe(401);
    expect((await officer.post("/batches", valid(), { Origin: "https://evil.example" })).status).toBe(403);
    expect(await count("batches")).toBe(before);
  });
});

describe("batch page and approval form (GET /batches/:id, POST /batches/:id/approval)", () => {
  async function batchWithParcels(n = 2) {
    const b = await createBatch(officer.api);
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push((await apiParcel(officer.api, { batchId: b.id, area: { value: 3, unit: "mu" } })).id);
    return { b, ids };
  }
  const state = (batchId: number) => env.DB.prepare("SELECT (SELECT count(*) FROM parcels WHERE batch_id = ?1 AND state = 'planned') AS planned, (SELECT approved_on FROM batches WHERE id = ?1) AS approvedOn, (SELECT count(*) FROM parcel_events) AS events").bind(batchId).first();

  it("shows figures, the parcels and the approval form to an officer; no form to a viewer", async () => {
    const { b, ids } = await batchWithParcels();
    const html = await (await officer.get(`/batches/${b.id}`)).text();
    expect(html).toContain(`<a href="/parcels/${ids[0]}">`);
    expect(html).toContain(`action="/batches/${b.id}/approval"`);
    // 2 × 3 亩 = 6.00 亩 awaiting approval.
    expect(html).toContain("本批次 2 宗拟报批地块（6.00 亩）");
    expect(await (await viewer.get(`/batches/${b.id}`)).text()).not.toContain(`action="/batches/${b.id}/approval"`);
    expect((await viewer.get("/batches/999999")).status).toBe(404);
  });

  it("approves every planned parcel and answers 303 back to the batch", async () => {
    const { b } = await batchWithParcels();
    const res = await officer.post(`/batches/${b.id}/approval`, { docNo: "浙政土〔2023〕77号", date: "2023-07-01" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/batches/${b.id}`);
    expect(await state(b.id)).toMatchObject({ planned: 0, approvedOn: "2023-07-01" });
    const html = await (await officer.get(`/batches/${b.id}`)).text();
    expect(html).not.toContain(`action="/batches/${b.id}/approval"`);
    // Approved 2023-07-01 and never acquired: lapsed after 2025-07-01.
    expect(html).toContain('<span class="badge bad">批准已失效</span>');
  });

  it("answers htmx with the refreshed section and a notice of how many parcels moved", async () => {
    const { b } = await batchWithParcels(3);
    const res = await officer.post(`/batches/${b.id}/approval`, { docNo: "浙政土〔2023〕78号", date: "2023-07-02" }, { "HX-Request": "true" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<section id="batch-detail">')).toBe(true);
    expect(html).toContain("批次已批准，3 宗地块已转为“已批准”。");
  });

  const refusals: [string, Record<string, string>, string, string][] = [
    ["a missing doc no.", { docNo: " ", date: "2023-07-01" }, "appr-docNo", "必填"],
    ["a missing date", { docNo: "浙政土X", date: "" }, "appr-date", "必填"],
    ["an impossible date", { docNo: "浙政土X", date: "2023-02-30" }, "appr-date", "日期无效"],
    ["a date after today", { docNo: "浙政土X", date: "2099-01-01" }, "appr-date", "业务日期不能晚于今天"],
  ];
  for (const [what, form, inputId, message] of refusals)
    it(`refuses ${what} in Chinese next to the field, keeps what was typed, writes nothing`, async () => {
      const { b } = await batchWithParcels();
      const before = await state(b.id);
      const res = await officer.post(`/batches/${b.id}/approval`, form);
      expect(res.status).toBe(422);
      const html = await res.text();
      const field = fieldHtml(html, inputId);
      expect(field).toContain(`aria-invalid="true"`);
      expect(field).toContain(`aria-describedby="${inputId}-error"`);
      expect(field).toContain(message);
      if (form.docNo.trim()) expect(html).toContain(`value="${form.docNo}"`);
      expect(await state(b.id)).toEqual(before);
    });

  it("answers 409 with a notice when the batch was approved meanwhile, writing nothing more", async () => {
    const { b } = await batchWithParcels();
    expect((await officer.post(`/batches/${b.id}/approval`, { docNo: "先批", date: "2023-07-01" })).status).toBe(303);
    const before = await state(b.id);
    const res = await officer.post(`/batches/${b.id}/approval`, { docNo: "再批", date: "2023-07-02" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("该批次已批准，不能重复批准");
    expect(await state(b.id)).toEqual(before);
  });

  it("refuses a viewer (403) and an anonymous browser (login; 401 for htmx), writing nothing", async () => {
    const { b } = await batchWithParcels();
    const before = await state(b.id);
    const form = new URLSearchParams({ docNo: "X", date: "2023-07-01" }).toString();
    expect((await viewer.post(`/batches/${b.id}/approval`, { docNo: "X", date: "2023-07-01" })).status).toBe(403);
    const headers = { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://127.0.0.1:8787" };
    expect((await call(`/batches/${b.id}/approval`, { method: "POST", redirect: "manual", headers, body: form })).status).toBe(303);
    expect((await call(`/batches/${b.id}/approval`, { method: "POST", headers: { ...headers, "HX-Request": "true" }, body: form })).status).toBe(401);
    expect(await state(b.id)).toEqual(before);
  });
});

describe("the parcel page shows the approval-lapse level", () => {
  it("marks a parcel approved long ago and never acquired as lapsed", async () => {
    const p = await apiParcel(officer.api);
    expect((await officer.api.json("POST", `/api/v1/parcels/${p.id}/moves`, { to: "approved", version: 1, date: "2020-03-01", docNo: "浙政土〔2020〕3号" })).status).toBe(200);
    expect(await (await officer.get(`/parcels/${p.id}`)).text()).toContain('<span class="badge bad">批准已失效</span>');
  });
});
