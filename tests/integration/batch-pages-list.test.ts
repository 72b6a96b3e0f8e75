import { beforeAll, describe, expect, it } from "vitest";
import { createBatch } from "../batch-fixtures";
import { call } from "../helpers";
import { one, select } from "../html";
import { browser } from "./parcel-pages-helpers";

let officer: Awaited<ReturnType<typeof browser>>;
let viewer: Awaited<ReturnType<typeof browser>>;
beforeAll(async () => {
  officer = await browser("officer");
  viewer = await browser("viewer");
});

describe("GET /batches", () => {
  it("shows the five-year figure, the filters and the batches, with the nav entry live", async () => {
    const b = await createBatch(officer.api, { name: "列表可见批次" });
    const res = await viewer.get("/batches");
    const html = await res.text();
    expect(res.status).toBe(200);
    expect((await one(html, "nav a[aria-current=page]")).attrs.href).toBe("/batches");
    expect((await one(html, "nav a[aria-current=page]")).text).toBe("批次");
    expect(html).toContain("近五年供地率");
    expect((await one(html, `tbody a[href='/batches/${b.id}']`)).text).toBe("列表可见批次");
    expect(html).toContain("未批准");
    // A viewer is not offered the register button; an officer is.
    expect(await select(html, "a[href='/batches/new']")).toEqual([]);
    const asOfficer = await (await officer.get("/batches")).text();
    expect((await one(asOfficer, "a.button[href='/batches/new']")).text).toBe("登记批次");
  });

  it("offers every year from the earliest approval to this year in the year filter", async () => {
    await createBatch(officer.api, { docNo: "浙政土〔2016〕5号", approvedOn: "2016-08-08" });
    const html = await (await viewer.get("/batches")).text();
    const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    // Every year from 2016 to this one, newest or oldest first: as a set, 2015 not among them.
    const years = (await select(html, "select[name=year] option")).map((o) => o.attrs.value).filter((v) => v);
    const expected = Array.from({ length: thisYear - 2016 + 1 }, (_, i) => String(2016 + i));
    expect([...years].sort()).toEqual(expected);
  });

  it("answers htmx with the rows alone and varies on HX-Request", async () => {
    const res = await viewer.get("/batches?kind=urban", { "HX-Request": "true" });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).not.toContain("<html");
    expect(await select(html, "table")).toHaveLength(1);
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
