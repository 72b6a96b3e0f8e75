import { beforeAll, describe, expect, it } from "vitest";
import { one, select } from "../html";
import { apiParcel, browser } from "./parcel-pages-helpers";

// The batch pages as a land officer reads them (issue 10 item 7): the document's area against the
// parcels', "未批准" instead of 0.00 before approval, what "尚需供应" means, which batches count.

let officer: Awaited<ReturnType<typeof browser>>;
let batchId: number;
beforeAll(async () => {
  officer = await browser("officer");
  const res = await officer.api.json("POST", "/api/v1/batches", {
    name: "南湖区2023年度第8批次城镇建设用地",
    kind: "urban",
    totalArea: { value: 1, unit: "ha" },
  });
  expect(res.status).toBe(201);
  batchId = ((await res.json()) as { id: number }).id;
  for (let i = 0; i < 2; i++) await apiParcel(officer.api, { batchId, area: { value: 3, unit: "mu" } });
});

/** The definition list's dd for a dt, as the page shows them. */
async function fieldValues(html: string): Promise<Map<string, string>> {
  const dts = (await select(html, "dl.fields dt")).map((e) => e.text.trim());
  const dds = (await select(html, "dl.fields dd")).map((e) => e.text.trim());
  return new Map(dts.map((dt, i) => [dt, dds[i]]));
}

describe("the batch page", () => {
  it("sets the approval document's area beside the sum of its parcels, with the difference", async () => {
    const f = await fieldValues(await (await officer.get(`/batches/${batchId}`)).text());
    // Document: 1 公顷 = 10,000 m² = 15.00 亩. Parcels: 2 × 3 亩 = 2 × 2,000 m² = 4,000 m² = 6.00 亩, 0.4000 公顷.
    // Difference parcels − document = 4,000 − 10,000 = −6,000 m² = −9.00 亩, 0.6000 公顷.
    expect(f.get("批复总面积")).toBe("15.00\u00a0亩 / 1.0000\u00a0公顷");
    expect(f.get("所含地块面积合计")).toBe("6.00\u00a0亩 / 0.4000\u00a0公顷");
    expect(f.get("差额（地块 − 批复）")).toBe("−9.00\u00a0亩 / 0.6000\u00a0公顷");
  });
  it("shows 未批准, not 0.00, for the areas of a batch not yet approved", async () => {
    const f = await fieldValues(await (await officer.get(`/batches/${batchId}`)).text());
    for (const dt of ["批准面积", "已供应面积", "批而未供面积", "供地率"]) expect(f.get(dt), dt).toBe("未批准");
    expect(f.get("地块数")).toBe("2");
  });
});

describe("the batch list", () => {
  it("names the units in the area headers and shows 未批准 for an unapproved batch", async () => {
    const html = await (await officer.get("/batches", { "X-Test-Today": "2023-05-06" })).text();
    const heads = (await select(html, "thead th")).map((th) => th.text.trim());
    expect(heads).toContain("批准面积（亩 / 公顷）");
    expect(heads).toContain("批而未供面积（亩 / 公顷）");
    const cells = (await select(html, "tbody td")).map((td) => td.text.trim());
    expect(cells.slice(0, 5)).toEqual(["南湖区2023年度第8批次城镇建设用地", "城镇批次", "—", "未批准", "未批准"]);
  });
  it("says the shortfall is to reach the 60% benchmark and links each year of the window it counts", async () => {
    // On 2023-05-06 the last five full years are 2018–2022.
    const html = await (await officer.get("/batches", { "X-Test-Today": "2023-05-06" })).text();
    expect((await select(html, `section[aria-labelledby="five-year-title"] dt`)).map((e) => e.text)).toContain(
      "达到 60% 基准尚需供应",
    );
    const links = await select(html, 'section[aria-labelledby="five-year-title"] p a');
    expect(links.map((a) => [a.text, a.attrs.href])).toEqual(
      [2018, 2019, 2020, 2021, 2022].map((y) => [`${y}年`, `/batches?year=${y}`]),
    );
    expect((await one(html, "header.print-head")).text).toContain("批次");
  });
});
