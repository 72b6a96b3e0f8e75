import { describe, expect, it } from "vitest";
import { count, parcelRow } from "../helpers";
import { parcelAt } from "../chain-fixtures";
import { definitions, one, select } from "../html";
import { browser, expectFieldError } from "./parcel-pages-helpers";

// parcelAt(…, "supplied"): agreed start 2023-12-01, version 5; a delay may reach 2024-12-01 at most.
const fields = (version: string, newAgreedStartOn: string) => ({
  version,
  newAgreedStartOn,
  date: "2023-11-20",
  docNo: "南政函〔2023〕88号",
  cause: "征地拆迁未完成，政府原因延期交地",
});

describe("delay form on the parcel page", () => {
  it("is offered to an officer on a supplied parcel, with a real method and action beside hx-post", async () => {
    const officer = await browser("officer");
    const p = await parcelAt(officer.api, "supplied");
    const form = await one(
      await (await officer.get(`/parcels/${p.id}`)).text(),
      `form[action="/parcels/${p.id}/delays"]`,
    );
    expect(form.attrs).toMatchObject({ method: "post", "hx-post": `/parcels/${p.id}/delays` });
    expect(form.text).toContain("最迟可延至 2024-12-01");
  });

  it("is not offered to a viewer, nor on a parcel that is not supplied", async () => {
    const officer = await browser("officer");
    const viewer = await browser("viewer");
    const p = await parcelAt(officer.api, "supplied");
    expect(await select(await (await viewer.get(`/parcels/${p.id}`)).text(), `form[action$="/delays"]`)).toEqual([]);
    const q = await parcelAt(officer.api, "reserved");
    expect(await select(await (await officer.get(`/parcels/${q.id}`)).text(), `form[action$="/delays"]`)).toEqual([]);
  });

  it("records the delay (303) and the page then shows both the new and the original agreed start", async () => {
    const officer = await browser("officer");
    const p = await parcelAt(officer.api, "supplied");
    const res = await officer.post(`/parcels/${p.id}/delays`, fields("5", "2024-06-01"));
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/parcels/${p.id}?done=delay`);
    expect(await parcelRow(p.id)).toMatchObject({
      agreed_start_on: "2024-06-01",
      original_agreed_start_on: "2023-12-01",
    });
    const page = await (await officer.get(`/parcels/${p.id}`)).text();
    const facts = await definitions(page);
    expect(facts).toContainEqual(["原约定开工日期", "2023-12-01"]);
    expect(facts).toContainEqual(["约定开工日期", "2024-06-01"]);
    // The officer who recorded it today may undo it: the correction form names the dates it swaps back.
    expect(page).toContain("将撤销延期：约定开工日期 2024-06-01 → 2023-12-01，业务日期 2023-11-20");
  });

  it("past one year after the original: 422 with the Chinese message beside the field, nothing written", async () => {
    const officer = await browser("officer");
    const p = await parcelAt(officer.api, "supplied");
    const before = await parcelRow(p.id);
    const res = await officer.post(`/parcels/${p.id}/delays`, fields("5", "2024-12-02"));
    expect(res.status).toBe(422);
    await expectFieldError(
      await res.text(),
      "delay-newAgreedStartOn",
      "延期最长不得超过原约定开工日期（2023-12-01）后一年，即不得晚于 2024-12-01",
    );
    expect(await parcelRow(p.id)).toEqual(before);
    expect(await count("parcel_events", "parcel_id = ? AND kind = 'delay'", p.id)).toBe(0);
  });

  it("a stale version is a 409 with the conflict notice; a viewer's post a 403; nothing written", async () => {
    const officer = await browser("officer");
    const viewer = await browser("viewer");
    const p = await parcelAt(officer.api, "supplied");
    const before = await parcelRow(p.id);
    expect((await officer.post(`/parcels/${p.id}/delays`, fields("4", "2024-06-01"))).status).toBe(409);
    expect((await viewer.post(`/parcels/${p.id}/delays`, fields("5", "2024-06-01"))).status).toBe(403);
    expect(await parcelRow(p.id)).toEqual(before);
  });
});
