import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createBatch } from "../batch-fixtures";
import { call } from "../helpers";
import { select } from "../html";
import { apiParcel, browser, fieldHtml } from "./parcel-pages-helpers";

let officer: Awaited<ReturnType<typeof browser>>;
let viewer: Awaited<ReturnType<typeof browser>>;
beforeAll(async () => {
  officer = await browser("officer");
  viewer = await browser("viewer");
});

describe("batch page and approval form (GET /batches/:id, POST /batches/:id/approval)", () => {
  async function batchWithParcels(n = 2) {
    const b = await createBatch(officer.api);
    const ids: number[] = [];
    for (let i = 0; i < n; i++)
      ids.push((await apiParcel(officer.api, { batchId: b.id, area: { value: 3, unit: "mu" } })).id);
    return { b, ids };
  }
  const state = (batchId: number) =>
    env.DB.prepare(
      "SELECT (SELECT count(*) FROM parcels WHERE batch_id = ?1 AND state = 'planned') AS planned, (SELECT approved_on FROM batches WHERE id = ?1) AS approvedOn, (SELECT count(*) FROM parcel_events) AS events",
    )
      .bind(batchId)
      .first();

  it("shows figures, the parcels and the approval form to an officer; no form to a viewer", async () => {
    const { b, ids } = await batchWithParcels();
    const html = await (await officer.get(`/batches/${b.id}`)).text();
    expect((await select(html, "tbody a")).map((a) => a.attrs.href)).toContain(`/parcels/${ids[0]}`);
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
    expect((await select(html, ".badge.bad")).map((b) => b.text)).toContain("批准已失效");
  });

  it("answers htmx with the refreshed section and a notice of how many parcels moved", async () => {
    const { b } = await batchWithParcels(3);
    const res = await officer.post(
      `/batches/${b.id}/approval`,
      { docNo: "浙政土〔2023〕78号", date: "2023-07-02" },
      { "HX-Request": "true" },
    );
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
    expect(
      (await call(`/batches/${b.id}/approval`, { method: "POST", redirect: "manual", headers, body: form })).status,
    ).toBe(303);
    expect(
      (
        await call(`/batches/${b.id}/approval`, {
          method: "POST",
          headers: { ...headers, "HX-Request": "true" },
          body: form,
        })
      ).status,
    ).toBe(401);
    expect(await state(b.id)).toEqual(before);
  });
});

describe("the parcel page shows the approval-lapse level", () => {
  it("marks a parcel approved long ago and never acquired as lapsed", async () => {
    const p = await apiParcel(officer.api);
    expect(
      (
        await officer.api.json("POST", `/api/v1/parcels/${p.id}/moves`, {
          to: "approved",
          version: 1,
          date: "2020-03-01",
          docNo: "浙政土〔2020〕3号",
        })
      ).status,
    ).toBe(200);
    const detail = await (await officer.get(`/parcels/${p.id}`)).text();
    expect((await select(detail, ".badge.bad")).map((b) => b.text)).toContain("批准已失效");
  });
});
