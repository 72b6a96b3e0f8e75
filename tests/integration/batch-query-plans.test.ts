import { beforeAll, describe, expect, it } from "vitest";
import { createBatch, insertPlannedParcels } from "../batch-fixtures";
import { session } from "../helpers";
import { expectIndexed as expectPlanned } from "../plan-capture";

// The batch paths' D1 statements, recorded from real requests, must be planned on indexes
// (docs/ARCHITECTURE.md (D1 rules)): no SCAN of parcels or parcel_events, however many parcels a batch has.
let officer: Awaited<ReturnType<typeof session>>;
let batchId: number;

beforeAll(async () => {
  officer = await session("officer");
  for (let i = 0; i < 3; i++)
    await insertPlannedParcels(
      (await createBatch(officer, { kind: "linked", docNo: `QP${i}`, approvedOn: `202${i}-05-01` })).id,
      50,
      800,
    );
  batchId = (await createBatch(officer)).id;
  await insertPlannedParcels(batchId, 120, 900);
});

/** Every statement of one request, as the officer, planned on an index. */
const expectIndexed = (path: string, init: RequestInit = {}, status = 200) =>
  expectPlanned(officer.cookie, path, init, status);

describe("query plans of the batch paths", () => {
  it("lists batches with their figures and the five-year sum", () => expectIndexed("/api/v1/batches"));
  it("lists batches sorted by supply rate, filtered by kind and year", () =>
    expectIndexed("/api/v1/batches?sort=rate&kind=linked&year=2021"));
  it("shows the list page", () => expectIndexed("/batches"));
  it("shows one batch with its parcels", () => expectIndexed(`/api/v1/batches/${batchId}`));
  it("shows the batch page", () => expectIndexed(`/batches/${batchId}`));

  it("approves 120 parcels with a fixed number of statements, each on an index", async () => {
    const init = {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ docNo: "QP批复", date: "2023-05-06" }),
    };
    const statements = await expectIndexed(`/api/v1/batches/${batchId}/approval`, init);
    // Session, batch, planned parcels, 8 statements of the write batch, the batch again: none per parcel.
    expect(statements.length).toBeLessThan(15);
    expect(Math.max(...statements.map((s) => s.params.length))).toBeLessThan(100);
  });
});
