import { describe, expect, it } from "vitest";
import { newParcel, session, count } from "../helpers";

describe("parcel smoke", () => {
  it("registers and approves a parcel", async () => {
    const officer = await session("officer");
    const res = await officer.json("POST", "/api/v1/parcels", newParcel());
    const p = (await res.json()) as { id: number; version: number; areaM2: number };
    expect(res.status).toBe(201);
    const mv = await officer.json("POST", `/api/v1/parcels/${p.id}/moves`, { to: "approved", date: "2023-03-01", version: 1, docNo: "浙土字A2023-1" });
    const body = await mv.json();
    expect(mv.status, JSON.stringify(body)).toBe(200);
    expect(await count("parcel_events", "parcel_id = ?", p.id)).toBe(1);
  });
});
