import { describe, expect, it } from "vitest";
import { newParcel, session } from "../helpers";

describe("placing a parcel in a batch by its name", () => {
  it("offers the batches by name on the register form and on the approval move, with 'none' first", async () => {
    const officer = await session("officer");
    const res = await officer.json("POST", "/api/v1/batches", {
      name: "南湖区2023年度第7批次城镇建设用地",
      kind: "urban",
      totalArea: { value: 10, unit: "ha" },
    });
    const { id } = (await res.json()) as { id: number };
    const form = await (await officer.json("GET", "/parcels/new")).text();
    expect(form).toMatch(
      new RegExp(
        `<select[^>]*name="batchId"[^>]*><option value="">无</option>[\\s\\S]*<option value="${id}">南湖区2023年度第7批次城镇建设用地</option>`,
      ),
    );

    const p = (await (await officer.json("POST", "/api/v1/parcels", newParcel())).json()) as {
      id: number;
      version: number;
    };
    const fields = await (
      await officer.json("GET", `/parcels/${p.id}/move-fields?to=approved&version=${p.version}`, undefined, {
        "HX-Request": "true",
      })
    ).text();
    expect(fields).toContain(`<option value="${id}">南湖区2023年度第7批次城镇建设用地</option>`);
    // Other targets carry no batch and load none.
    const acquire = await (
      await officer.json("GET", `/parcels/${p.id}/move-fields?to=withdrawn&version=${p.version}`, undefined, {
        "HX-Request": "true",
      })
    ).text();
    expect(acquire).not.toContain("batchId");
  });
});
