import { describe, expect, it } from "vitest";
import { newParcel, session } from "../helpers";
import { select } from "../html";
import { optionsOf } from "./picker-helpers";

const NAME = "南湖区2023年度第7批次城镇建设用地";

describe("placing a parcel in a batch by its name", () => {
  it("offers the batches by name on the register form and on the approval move, with 'none' first", async () => {
    const officer = await session("officer");
    const res = await officer.json("POST", "/api/v1/batches", {
      name: NAME,
      kind: "urban",
      totalArea: { value: 10, unit: "ha" },
    });
    const { id } = (await res.json()) as { id: number };
    const form = await (await officer.json("GET", "/parcels/new")).text();
    // The only batch there is: the blank choice first, then it, by its id.
    const offered = (await optionsOf(form, "select[name=batchId] option")).map((o) => [o.value, o.label]);
    expect(offered).toEqual([
      ["", "无"],
      [String(id), NAME],
    ]);

    const p = (await (await officer.json("POST", "/api/v1/parcels", newParcel())).json()) as {
      id: number;
      version: number;
    };
    const fields = await (
      await officer.json("GET", `/parcels/${p.id}/move-fields?to=approved&version=${p.version}`, undefined, {
        "HX-Request": "true",
      })
    ).text();
    expect((await optionsOf(fields, "select[name=batchId] option")).map((o) => [o.value, o.label])).toEqual([
      ["", "无"],
      [String(id), NAME],
    ]);
    // Other targets carry no batch and load none.
    const acquire = await (
      await officer.json("GET", `/parcels/${p.id}/move-fields?to=withdrawn&version=${p.version}`, undefined, {
        "HX-Request": "true",
      })
    ).text();
    expect(await select(acquire, "[name=batchId], [name=batchQ]")).toEqual([]);
  });
});
