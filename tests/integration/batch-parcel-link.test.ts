import { beforeAll, describe, expect, it } from "vitest";
import { createBatch } from "../batch-fixtures";
import { call, count, newParcel, parcelRow, session, todayInShanghai } from "../helpers";

let officer: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  officer = await session("officer");
});

async function planned(over: Record<string, unknown> = {}) {
  const res = await officer.json("POST", "/api/v1/parcels", newParcel(over));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; version: number; batchId: number | null };
}

describe("parcels join a batch (PATCH /api/v1/parcels/:id, recorded as an edit)", () => {
  it("registers a parcel straight into a batch", async () => {
    const b = await createBatch(officer);
    expect(await planned({ batchId: b.id })).toMatchObject({ batchId: b.id });
  });

  it("moves a parcel into a batch and out again, each as an edit event, the batch figures following", async () => {
    const a = await createBatch(officer);
    const b = await createBatch(officer);
    const p = await planned({ batchId: a.id, area: { value: 3, unit: "mu" } });
    const res = await officer.json("PATCH", `/api/v1/parcels/${p.id}`, {
      reason: "核对后修改",
      version: 1,
      batchId: b.id,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ batchId: b.id, version: 2 });
    const detail = (await (await officer.json("GET", `/api/v1/parcels/${p.id}`)).json()) as {
      events: Record<string, unknown>[];
    };
    expect(detail.events).toEqual([
      expect.objectContaining({
        kind: "edit",
        version: 2,
        changes: { batchId: { from: a.id, to: b.id, fromName: a.name, toName: b.name } },
      }),
    ]);
    // 3 亩 = 2,000 m², now counted under B as planned.
    expect(await (await officer.json("GET", `/api/v1/batches/${b.id}`)).json()).toMatchObject({
      parcelCount: 1,
      plannedCount: 1,
      planned: { areaM2: 2000, areaMu: 3 },
    });
    expect(await (await officer.json("GET", `/api/v1/batches/${a.id}`)).json()).toMatchObject({
      parcelCount: 0,
      plannedCount: 0,
    });
    const out = await officer.json("PATCH", `/api/v1/parcels/${p.id}`, {
      reason: "核对后修改",
      version: 2,
      batchId: null,
    });
    expect(out.status).toBe(200);
    expect(await parcelRow(p.id)).toMatchObject({ batch_id: null, version: 3 });
  });

  it("refuses an unknown batch with 422 in Chinese and writes nothing", async () => {
    const p = await planned();
    const events = await count("parcel_events");
    const res = await officer.json("PATCH", `/api/v1/parcels/${p.id}`, {
      reason: "核对后修改",
      version: 1,
      batchId: 987654,
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      issues: [{ path: "batchId", code: "unknown_batch", message: "批次不存在" }],
    });
    expect(await parcelRow(p.id)).toMatchObject({ batch_id: null, version: 1 });
    expect(await count("parcel_events")).toBe(events);
  });

  it("answers 409 to a stale version and writes nothing", async () => {
    const b = await createBatch(officer);
    const p = await planned();
    expect(
      (await officer.json("PATCH", `/api/v1/parcels/${p.id}`, { reason: "核对后修改", version: 1, name: "先改名" }))
        .status,
    ).toBe(200);
    const res = await officer.json("PATCH", `/api/v1/parcels/${p.id}`, {
      reason: "核对后修改",
      version: 1,
      batchId: b.id,
    });
    expect(res.status).toBe(409);
    expect(await parcelRow(p.id)).toMatchObject({ batch_id: null, version: 2 });
  });

  it("answers 403 to a viewer and 401 without a session, writing nothing", async () => {
    const b = await createBatch(officer);
    const p = await planned();
    const viewer = await session("viewer");
    expect(
      (await viewer.json("PATCH", `/api/v1/parcels/${p.id}`, { reason: "核对后修改", version: 1, batchId: b.id }))
        .status,
    ).toBe(403);
    const anon = await call(`/api/v1/parcels/${p.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ version: 1, batchId: b.id }),
    });
    expect(anon.status).toBe(401);
    expect(await parcelRow(p.id)).toMatchObject({ batch_id: null, version: 1 });
  });
});

describe("GET /api/v1/parcels/:id carries the approval-lapse level", () => {
  const daysAgo = (n: number) => todayInShanghai(-n);
  const approvedOn = async (date: string) => {
    const p = await planned();
    const r = await officer.json("POST", `/api/v1/parcels/${p.id}/moves`, {
      to: "approved",
      version: 1,
      date,
      docNo: "浙政土〔X〕1号",
    });
    expect(r.status).toBe(200);
    return p.id;
  };
  const lapseOf = async (id: number) =>
    ((await (await officer.json("GET", `/api/v1/parcels/${id}`)).json()) as { lapse: unknown }).lapse;

  it("is null for a fresh approval and for a planned parcel", async () => {
    expect(await lapseOf(await approvedOn(daysAgo(0)))).toBeNull();
    expect(await lapseOf((await planned()).id)).toBeNull();
  });
  it("is lapse_soon 700 days after approval (the 2nd anniversary is 30 or 31 days ahead)", async () => {
    expect(await lapseOf(await approvedOn(daysAgo(700)))).toBe("lapse_soon");
  });
  it("is lapsed 800 days after approval", async () => {
    expect(await lapseOf(await approvedOn(daysAgo(800)))).toBe("lapsed");
  });
});
