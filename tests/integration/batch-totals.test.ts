import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { newParcel, session } from "../helpers";

type Officer = Awaited<ReturnType<typeof session>>;

async function newBatchId(name: string): Promise<number> {
  const row = await env.DB.prepare("INSERT INTO batches (name, kind) VALUES (?, 'urban') RETURNING id")
    .bind(name)
    .first<{ id: number }>();
  return row!.id;
}

const totals = (batchId: number) =>
  env.DB.prepare("SELECT * FROM batch_totals WHERE batch_id = ?").bind(batchId).first();

async function register(o: Officer, batchId: number, m2: number) {
  const res = await o.json("POST", "/api/v1/parcels", newParcel({ batchId, area: { value: m2, unit: "m2" } }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function move(o: Officer, id: number, version: number, body: Record<string, unknown>) {
  const res = await o.json("POST", `/api/v1/parcels/${id}/moves`, { version, ...body });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe("batch_totals kept by triggers", () => {
  it("starts every new batch at zero", async () => {
    const id = await newBatchId("空批次");
    expect(await totals(id)).toEqual({
      batch_id: id,
      parcel_count: 0,
      planned_count: 0,
      planned_m2: 0,
      approved_m2: 0,
      supplied_m2: 0,
      withdrawn_m2: 0,
      unsupplied_m2: 0,
    });
  });

  it("follows registration, moves, corrections and edits that change batch or area", async () => {
    const officer = await session("officer");
    const a = await newBatchId("甲批次");
    const b = await newBatchId("乙批次");
    const p1 = await register(officer, a, 1000);
    const p2 = await register(officer, a, 200);
    const p3 = await register(officer, a, 30);
    await move(officer, p1, 1, { to: "approved", date: "2023-01-10", docNo: "浙政土〔2023〕1号" });
    await move(officer, p2, 1, { to: "approved", date: "2023-01-10", docNo: "浙政土〔2023〕1号" });
    await move(officer, p2, 2, { to: "withdrawn", date: "2023-02-01", docNo: "核减1", reason: "规划调整" });
    // p1: approved 1000, unsupplied; p2: approved and withdrawn 200; p3: planned 30.
    expect(await totals(a)).toMatchObject({
      parcel_count: 3,
      planned_count: 1,
      planned_m2: 30,
      approved_m2: 1200,
      withdrawn_m2: 200,
      unsupplied_m2: 1000,
      supplied_m2: 0,
    });
    // Correcting the withdrawal puts 200 m² back among the unsupplied.
    const corr = await officer.json("POST", `/api/v1/parcels/${p2}/corrections`, { version: 3, reason: "误操作" });
    expect(corr.status).toBe(200);
    expect(await totals(a)).toMatchObject({ approved_m2: 1200, withdrawn_m2: 0, unsupplied_m2: 1200 });
    // Moving p1 to the other batch and growing p3 to 50 m².
    expect(
      (await officer.json("PATCH", `/api/v1/parcels/${p1}`, { reason: "核对后修改", version: 2, batchId: b })).status,
    ).toBe(200);
    expect(
      (
        await officer.json("PATCH", `/api/v1/parcels/${p3}`, {
          reason: "核对后修改",
          version: 1,
          area: { value: 50, unit: "m2" },
        })
      ).status,
    ).toBe(200);
    expect(await totals(a)).toMatchObject({
      parcel_count: 2,
      planned_count: 1,
      planned_m2: 50,
      approved_m2: 200,
      unsupplied_m2: 200,
    });
    expect(await totals(b)).toMatchObject({
      parcel_count: 1,
      planned_count: 0,
      approved_m2: 1000,
      unsupplied_m2: 1000,
    });
  });
});
