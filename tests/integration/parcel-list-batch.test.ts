import { describe, expect, it } from "vitest";
import { knownTown, newParcel, session } from "../helpers";
import { one, select } from "../html";

describe("the parcel list names each parcel's batch", () => {
  it("links the batch by its name, and shows a dash for a parcel outside any batch", async () => {
    const officer = await session("officer");
    const batch = await officer.json("POST", "/api/v1/batches", {
      name: "南湖区2022年度第9批次城镇建设用地",
      kind: "urban",
      totalArea: { value: 30, unit: "mu" },
    });
    expect(batch.status).toBe(201);
    const { id: batchId } = (await batch.json()) as { id: number };
    const town = `测试镇${crypto.randomUUID().slice(0, 6)}`;
    await knownTown(town);
    expect((await officer.json("POST", "/api/v1/parcels", newParcel({ town, batchId }))).status).toBe(201);
    expect((await officer.json("POST", "/api/v1/parcels", newParcel({ town }))).status).toBe(201);
    const html = await (
      await officer.json("GET", `/parcels?town=${encodeURIComponent(town)}`, undefined, { "HX-Request": "true" })
    ).text();
    expect((await one(html, `tbody a[href='/batches/${batchId}']`)).text).toBe("南湖区2022年度第9批次城镇建设用地");
    // The last cell of each row is the batch: a link for the one in a batch, a dash for the other.
    const cells = (await select(html, "tbody tr td")).map((td) => td.text.trim());
    // 8 columns a row; the batch is the 8th.
    expect([cells[7], cells[15]].sort()).toEqual(["—", "南湖区2022年度第9批次城镇建设用地"]);
  });
});

describe("the parcel page names its batch", () => {
  it("links the batch by name among the recorded fields", async () => {
    const officer = await session("officer");
    const batch = await officer.json("POST", "/api/v1/batches", {
      name: "南湖区2021年度第2批次城镇建设用地",
      kind: "urban",
      totalArea: { value: 5, unit: "ha" },
    });
    const { id: batchId } = (await batch.json()) as { id: number };
    const p = (await (await officer.json("POST", "/api/v1/parcels", newParcel({ batchId }))).json()) as { id: number };
    const html = await (await officer.json("GET", `/parcels/${p.id}`)).text();
    expect((await one(html, `a[href='/batches/${batchId}']`)).text).toBe("南湖区2021年度第2批次城镇建设用地");
  });
});
