import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { STATES, type State } from "../../src/domain/chain";
import { MOVE_BODY, parcelAt, DATES } from "../chain-fixtures";
import { count, parcelRow, session } from "../helpers";

let officer: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  officer = await session("officer");
});

const move = (id: number, body: Record<string, unknown>, headers?: Record<string, string>) =>
  officer.json("POST", `/api/v1/parcels/${id}/moves`, body, headers);

/** Snapshot of everything a refused move must leave alone. */
async function snapshot(id: number) {
  return {
    row: await parcelRow(id),
    events: await count("parcel_events", "parcel_id = ?", id),
    totals: (await env.DB.prepare("SELECT * FROM chain_totals ORDER BY state").all()).results,
  };
}

describe("allowed moves", () => {
  it("walks a parcel through the whole chain, recording each step's fields", async () => {
    const p = await parcelAt(officer, "completed");
    expect(p.version).toBe(7);
    const res = await officer.json("GET", `/api/v1/parcels/${p.id}`);
    const body = (await res.json()) as Record<string, unknown> & { events: Record<string, unknown>[] };
    expect(body).toMatchObject({
      state: "completed",
      approvedOn: "2023-01-10",
      approvalDocNo: "浙政土〔2023〕101号",
      acquiredOn: "2023-02-10",
      acquisitionDocNo: "嘉南征〔2023〕12号",
      reservedOn: "2023-03-10",
      reserveNo: "NHCB-2023-008",
      suppliedOn: "2023-04-10",
      supplyMethod: "listing",
      landUser: "嘉兴南湖智造有限公司",
      priceWan: 2380.5,
      agreedStartOn: "2023-12-01",
      agreedCompletionOn: "2025-12-01",
      startedOn: "2023-05-10",
      permitNo: "330402202306010101",
      completedOn: "2023-06-10",
    });
    expect(body.events.map((e) => `${e.from}>${e.to}`)).toEqual([
      "planned>approved",
      "approved>acquired",
      "acquired>reserved",
      "reserved>supplied",
      "supplied>started",
      "started>completed",
    ]);
    expect(body.events[0]).toMatchObject({
      kind: "move",
      date: "2023-01-10",
      actor: officer.username,
      docNo: "浙政土〔2023〕101号",
    });
  });

  it("skips the reserve for a direct allocation, with a reason", async () => {
    const p = await parcelAt(officer, "acquired");
    const res = await move(p.id, {
      to: "supplied",
      date: "2023-03-01",
      version: p.version,
      ...MOVE_BODY.supplied,
      method: "allocation",
      priceWan: undefined,
      reason: "单独选址项目划拨供地",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      state: "supplied",
      supplyMethod: "allocation",
      priceWan: null,
      reservedOn: null,
    });
  });

  it("skips acquisition for state-owned land, with a reason", async () => {
    const p = await parcelAt(officer, "approved", { origin: "state" });
    const res = await move(p.id, {
      to: "reserved",
      date: "2023-03-01",
      version: p.version,
      reserveNo: "NHCB-9",
      reason: "国有土地无需征收",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: "reserved", acquiredOn: null, reserveNo: "NHCB-9" });
  });

  for (const from of ["planned", "approved", "acquired", "reserved"] as State[])
    it(`withdraws a ${from} parcel with doc no. and reason`, async () => {
      const p = await parcelAt(officer, from);
      const res = await move(p.id, { to: "withdrawn", date: "2023-09-01", version: p.version, ...MOVE_BODY.withdrawn });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        state: "withdrawn",
        withdrawnOn: "2023-09-01",
        withdrawalReason: "规划调整，核减",
      });
    });
});

describe("refused moves leave the parcel and its events unchanged", () => {
  const FORBIDDEN: [State, State[]][] = [
    ["planned", ["planned", "acquired", "reserved", "supplied", "started", "completed"]],
    ["approved", ["planned", "approved", "supplied", "started", "completed"]],
    ["reserved", ["planned", "approved", "acquired", "reserved", "started", "completed"]],
    ["supplied", ["planned", "approved", "acquired", "reserved", "supplied", "completed", "withdrawn"]],
    ["completed", [...STATES]],
  ];
  for (const [from, targets] of FORBIDDEN)
    it(`refuses every forbidden move out of ${from} with 422 invalid_move`, async () => {
      const p = await parcelAt(officer, from);
      const before = await snapshot(p.id);
      for (const to of targets) {
        const res = await move(p.id, { to, date: "2023-08-01", version: p.version, ...MOVE_BODY[to] });
        expect(res.status, `${from} → ${to}`).toBe(422);
        expect(((await res.json()) as { error: string }).error).toBe("invalid_move");
      }
      expect(await snapshot(p.id)).toEqual(before);
    });

  it("refuses a move dated before the previous one, and one after today", async () => {
    const p = await parcelAt(officer, "approved");
    const before = await snapshot(p.id);
    const early = await move(p.id, { to: "acquired", date: "2023-01-09", version: p.version, ...MOVE_BODY.acquired });
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({
      error: "validation",
      issues: [{ path: "date", code: "before_previous" }],
    });
    const late = await move(p.id, { to: "acquired", date: "2099-01-01", version: p.version, ...MOVE_BODY.acquired });
    expect(late.status).toBe(422);
    expect(await late.json()).toMatchObject({ issues: [{ path: "date", code: "after_today" }] });
    expect(await snapshot(p.id)).toEqual(before);
  });

  it("names the missing fields in Chinese", async () => {
    const p = await parcelAt(officer, "reserved");
    const before = await snapshot(p.id);
    const res = await move(p.id, { to: "supplied", date: "2023-05-01", version: p.version, method: "auction" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { issues: { path: string; message: string }[] };
    expect(body.issues.map((i) => i.path).sort()).toEqual([
      "agreedCompletionOn",
      "agreedStartOn",
      "docNo",
      "landUser",
      "priceWan",
    ]);
    expect(body.issues.find((i) => i.path === "docNo")!.message).toBe("必填");
    expect(await snapshot(p.id)).toEqual(before);
  });

  it("refuses malformed bodies: bad date, wrong types, unknown state", async () => {
    const p = await parcelAt(officer, "planned");
    const before = await snapshot(p.id);
    for (const body of [
      { to: "approved", date: "2023-02-30", version: p.version, docNo: "X" },
      { to: "approved", date: "2023-02-01", version: String(p.version), docNo: "X" },
      { to: "approved", date: "2023-02-01", version: p.version, docNo: 12 },
      { to: "launched", date: "2023-02-01", version: p.version },
      { to: "approved", date: "2023-02-01", version: p.version, docNo: "x".repeat(101) },
    ])
      expect((await move(p.id, body)).status, JSON.stringify(body)).toBe(422);
    expect(await snapshot(p.id)).toEqual(before);
  });

  it("answers 409 to a stale version and 404 to an unknown parcel", async () => {
    const p = await parcelAt(officer, "approved");
    const before = await snapshot(p.id);
    const res = await move(p.id, { to: "acquired", date: "2023-03-01", version: p.version - 1, ...MOVE_BODY.acquired });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: "version_conflict", message: "该记录已被他人修改，请刷新后重试" });
    expect(await snapshot(p.id)).toEqual(before);
    expect((await move(999999, { to: "approved", date: "2023-03-01", version: 1, docNo: "X" })).status).toBe(404);
  });
});

describe("concurrency and replays", () => {
  it("gives exactly one success among 20 concurrent moves against the same version", async () => {
    const p = await parcelAt(officer, "planned");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        move(p.id, { to: "approved", date: DATES[0], version: p.version, docNo: `浙政土〔2023〕${i}号` }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await count("parcel_events", "parcel_id = ?", p.id)).toBe(1);
    expect(await parcelRow(p.id)).toMatchObject({ version: 2, state: "approved" });
  });

  it("replays the first outcome for a repeated Idempotency-Key and writes one event", async () => {
    const p = await parcelAt(officer, "planned");
    const key = crypto.randomUUID();
    const body = { to: "approved", date: DATES[0], version: p.version, ...MOVE_BODY.approved };
    const first = await move(p.id, body, { "Idempotency-Key": key });
    const second = await move(p.id, body, { "Idempotency-Key": key });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(await first.text());
    expect(await count("parcel_events", "parcel_id = ?", p.id)).toBe(1);
    expect(await parcelRow(p.id)).toMatchObject({ version: 2 });
  });

  it("refuses the same key from another user", async () => {
    const p = await parcelAt(officer, "planned");
    const key = crypto.randomUUID();
    await move(
      p.id,
      { to: "approved", date: DATES[0], version: p.version, ...MOVE_BODY.approved },
      { "Idempotency-Key": key },
    );
    const other = await session("officer");
    const res = await other.json(
      "POST",
      `/api/v1/parcels/${p.id}/moves`,
      { to: "acquired", date: DATES[1], version: 2, ...MOVE_BODY.acquired },
      { "Idempotency-Key": key },
    );
    expect(res.status).toBe(422);
    expect(await count("parcel_events", "parcel_id = ?", p.id)).toBe(1);
  });
});

describe("the events table is append-only in the database itself", () => {
  it("fails UPDATE and DELETE on parcel_events", async () => {
    const p = await parcelAt(officer, "approved");
    await expect(
      env.DB.prepare("UPDATE parcel_events SET note = 'tampered' WHERE parcel_id = ?").bind(p.id).run(),
    ).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM parcel_events WHERE parcel_id = ?").bind(p.id).run()).rejects.toThrow(
      /append-only/,
    );
    expect(await count("parcel_events", "parcel_id = ? AND note IS NULL", p.id)).toBe(1);
  });
});
