import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { approveBatchWrite, plannedParcelsQuery as readPlanned } from "../../src/batches/approval-write";
import { getDb } from "../../src/db/client";
import type { Batch } from "../../src/db/schema";
import { createBatch, insertPlannedParcels, plannedParcels } from "../batch-fixtures";
import { count, session } from "../helpers";

let officer: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  officer = await session("officer");
});

const APPROVAL = { docNo: "浙政土〔2023〕300号", date: "2023-06-01" };
const states = async (batchId: number) =>
  Object.fromEntries(
    (
      await env.DB.prepare("SELECT state, count(*) AS n FROM parcels WHERE batch_id = ? GROUP BY state")
        .bind(batchId)
        .all<{ state: string; n: number }>()
    ).results.map((r) => [r.state, r.n]),
  );
const batchRow = (id: number) =>
  env.DB.prepare("SELECT * FROM batches WHERE id = ?")
    .bind(id)
    .first<Batch & { doc_no: string | null; approved_on: string | null }>();

describe("batch approval at scale and under concurrency", () => {
  it("approves 300 planned parcels in one request: 300 approved, 300 events", async () => {
    const b = await createBatch(officer);
    const ids = await insertPlannedParcels(b.id, 300, 1000);
    const eventsBefore = await count("parcel_events");
    const res = await officer.json("POST", `/api/v1/batches/${b.id}/approval`, APPROVAL);
    expect(res.status, await res.clone().text()).toBe(200);
    // 300 × 1000 m² = 300,000 m² = 450 亩.
    expect(await res.json()).toMatchObject({
      parcelCount: 300,
      plannedCount: 0,
      approved: { areaM2: 300000, areaMu: 450 },
    });
    expect(await states(b.id)).toEqual({ approved: 300 });
    expect((await count("parcel_events")) - eventsBefore).toBe(300);
    expect(
      await count(
        "parcel_events",
        "kind = 'move' AND to_state = 'approved' AND version = 2 AND parcel_id IN (SELECT id FROM parcels WHERE batch_id = ?)",
        b.id,
      ),
    ).toBe(300);
    expect(
      await count(
        "parcel_events",
        `parcel_id BETWEEN ? AND ? AND json_extract(data, '$.batchId') = ?`,
        Math.min(...ids),
        Math.max(...ids),
        b.id,
      ),
    ).toBe(300);
  });

  // The move may land before the approval reads the parcels (both succeed: 299 approved, 1 withdrawn),
  // between its read and its write (the approval writes nothing: 409), or after (the move is stale: 409).
  // Each round starts the move a little later to meet the approval at a different point.
  it("never leaves a half-approved batch when one parcel moves during the approval", async () => {
    const outcomes = new Set<string>();
    for (const delayMs of [0, 0, 1, 2, 4, 8]) {
      const b = await createBatch(officer);
      const ids = await insertPlannedParcels(b.id, 300, 1000);
      const eventsBefore = await count("parcel_events");
      const target = ids[150];
      const [approval, move] = await Promise.all([
        officer.json("POST", `/api/v1/batches/${b.id}/approval`, APPROVAL),
        new Promise((r) => setTimeout(r, delayMs)).then(() =>
          officer.json("POST", `/api/v1/parcels/${target}/moves`, {
            to: "withdrawn",
            version: 1,
            date: "2023-05-01",
            docNo: "撤回1号",
            reason: "项目取消",
          }),
        ),
      ]);
      const events = (await count("parcel_events")) - eventsBefore;
      const outcome = `${approval.status}/${move.status}`;
      outcomes.add(outcome);
      if (outcome === "200/409") {
        expect(await states(b.id)).toEqual({ approved: 300 });
        expect(events).toBe(300);
      } else if (outcome === "409/200") {
        expect(await states(b.id)).toEqual({ planned: 299, withdrawn: 1 });
        expect(events).toBe(1);
        expect(await batchRow(b.id)).toMatchObject({ doc_no: null, approved_on: null, version: 1 });
      } else {
        expect(outcome).toBe("200/200");
        expect(await states(b.id)).toEqual({ approved: 299, withdrawn: 1 });
        expect(events).toBe(300);
      }
    }
    console.log(`approval/move outcomes seen: ${[...outcomes].join(", ")}`);
  });

  it("rolls back every statement when a parcel changed after the approval read it (409, nothing written)", async () => {
    const b = await createBatch(officer);
    const ids = await plannedParcels(officer, b.id, 5, 700);
    const db = getDb(env);
    const batch = (await db.query.batches.findFirst({ where: (t, { eq }) => eq(t.id, b.id) }))!;
    const seen = await readPlanned(db, b.id);
    // Someone edits one parcel between the read and the write: its version is now 2.
    const edit = await officer.json("PATCH", `/api/v1/parcels/${ids[3]}`, {
      reason: "核对后修改",
      version: 1,
      name: "改名后的地块",
    });
    expect(edit.status).toBe(200);
    const totalsBefore = (await env.DB.prepare("SELECT * FROM chain_totals ORDER BY state").all()).results;
    const eventsBefore = await count("parcel_events");
    const ok = await approveBatchWrite(db, batch, seen, {
      ...APPROVAL,
      actorId: officer.id,
      now: new Date().toISOString(),
    });
    expect(ok).toBe(false);
    // The batch row was updated by the first statement; the guard's failure must have undone it too.
    expect(await batchRow(b.id)).toMatchObject({ doc_no: null, approved_on: null, version: 1 });
    expect(await states(b.id)).toEqual({ planned: 5 });
    expect((await count("parcel_events")) - eventsBefore).toBe(0);
    expect((await env.DB.prepare("SELECT * FROM chain_totals ORDER BY state").all()).results).toEqual(totalsBefore);
    expect(
      await env.DB.prepare("SELECT planned_count, approved_m2 FROM batch_totals WHERE batch_id = ?").bind(b.id).first(),
    ).toEqual({ planned_count: 5, approved_m2: 0 });
    expect(await count("write_guards")).toBe(0);
  });

  it("rolls back when a planned parcel joined the batch after the approval read it", async () => {
    const b = await createBatch(officer);
    await plannedParcels(officer, b.id, 3, 700);
    const db = getDb(env);
    const batch = (await db.query.batches.findFirst({ where: (t, { eq }) => eq(t.id, b.id) }))!;
    const seen = await readPlanned(db, b.id);
    await plannedParcels(officer, b.id, 1, 700);
    const ok = await approveBatchWrite(db, batch, seen, {
      ...APPROVAL,
      actorId: officer.id,
      now: new Date().toISOString(),
    });
    expect(ok).toBe(false);
    expect(await states(b.id)).toEqual({ planned: 4 });
    expect(await batchRow(b.id)).toMatchObject({ approved_on: null, version: 1 });
  });

  it("answers 409 when two approvals of one batch race, and approves exactly once", async () => {
    const b = await createBatch(officer);
    await insertPlannedParcels(b.id, 20, 100);
    const eventsBefore = await count("parcel_events");
    const results = await Promise.all(
      [1, 2, 3].map(() => officer.json("POST", `/api/v1/batches/${b.id}/approval`, APPROVAL)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await states(b.id)).toEqual({ approved: 20 });
    expect((await count("parcel_events")) - eventsBefore).toBe(20);
  });
});
