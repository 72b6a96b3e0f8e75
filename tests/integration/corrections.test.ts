import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DATES, MOVE_BODY, parcelAt } from "../chain-fixtures";
import { count, newParcel, parcelRow, session } from "../helpers";

let officer: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  officer = await session("officer");
});

const correct = (s: typeof officer, id: number, body: unknown) =>
  s.json("POST", `/api/v1/parcels/${id}/corrections`, body);

describe("POST /api/v1/parcels/:id/corrections", () => {
  it("undoes the latest move as a correction event, clearing its fields", async () => {
    const p = await parcelAt(officer, "supplied");
    const res = await correct(officer, p.id, { version: p.version, reason: "出让合同号录错" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      state: "reserved",
      version: p.version + 1,
      suppliedOn: null,
      supplyMethod: null,
      priceWan: null,
      agreedStartOn: null,
      reservedOn: DATES[2],
      lastMovedOn: DATES[2],
    });
    const events = (
      await env.DB.prepare(
        "SELECT kind, from_state, to_state, reverts_event_id FROM parcel_events WHERE parcel_id = ? ORDER BY id",
      )
        .bind(p.id)
        .all()
    ).results;
    expect(events).toHaveLength(5);
    expect(events[4]).toMatchObject({ kind: "correction", from_state: "supplied", to_state: "reserved" });
    // The move it undid stays in the record, untouched.
    expect(events[3]).toMatchObject({ kind: "move", from_state: "reserved", to_state: "supplied" });
  });

  it("allows the move to be made again after a correction, dated from the move before", async () => {
    const p = await parcelAt(officer, "acquired");
    await correct(officer, p.id, { version: p.version, reason: "征收公告日期录错" });
    const res = await officer.json("POST", `/api/v1/parcels/${p.id}/moves`, {
      to: "acquired",
      date: DATES[0],
      version: p.version + 1,
      ...MOVE_BODY.acquired,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: "acquired", acquiredOn: DATES[0] });
  });

  it("takes back successive moves one correction at a time", async () => {
    const p = await parcelAt(officer, "acquired");
    expect((await correct(officer, p.id, { version: p.version, reason: "错1" })).status).toBe(200);
    const second = await correct(officer, p.id, { version: p.version + 1, reason: "错2" });
    expect(await second.json()).toMatchObject({ state: "planned", approvedOn: null, lastMovedOn: null });
    const third = await correct(officer, p.id, { version: p.version + 2, reason: "错3" });
    expect(third.status).toBe(422);
    expect(await third.json()).toMatchObject({ error: "nothing_to_correct" });
  });

  it("returns a parcel registered into the reserve to its reserve date", async () => {
    const res = await officer.json(
      "POST",
      "/api/v1/parcels",
      newParcel({ origin: "state", state: "reserved", date: "2022-05-05", reserveNo: "R-1" }),
    );
    const p = (await res.json()) as { id: number; version: number };
    await officer.json("POST", `/api/v1/parcels/${p.id}/moves`, {
      to: "withdrawn",
      date: "2022-06-01",
      version: 1,
      ...MOVE_BODY.withdrawn,
    });
    const undo = await correct(officer, p.id, { version: 2, reason: "撤回有误" });
    expect(await undo.json()).toMatchObject({ state: "reserved", lastMovedOn: "2022-05-05", withdrawnOn: null });
  });

  it("lets an admin correct another officer's move, but not another officer", async () => {
    const p = await parcelAt(officer, "approved");
    const other = await session("officer");
    const before = await parcelRow(p.id);
    const refused = await correct(other, p.id, { version: p.version, reason: "不是我录的" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "correction_forbidden" });
    expect(await parcelRow(p.id)).toEqual(before);
    const admin = await session("admin");
    expect((await correct(admin, p.id, { version: p.version, reason: "管理员更正" })).status).toBe(200);
  });

  it("refuses an officer's correction of a move recorded on an earlier day", async () => {
    const p = await parcelAt(officer, "planned");
    // A move recorded yesterday (Beijing time): insert it as the event store would have.
    await env.DB.batch([
      env.DB.prepare(
        "UPDATE parcels SET state='approved', version=2, approved_on='2023-01-01', last_moved_on='2023-01-01' WHERE id = ?",
      ).bind(p.id),
      env.DB.prepare(
        `INSERT INTO parcel_events (parcel_id, kind, from_state, to_state, "on", data, actor_id, recorded_at, version) VALUES (?, 'move', 'planned', 'approved', '2023-01-01', '{}', ?, ?, 2)`,
      ).bind(p.id, officer.id, new Date(Date.now() - 36 * 3600 * 1000).toISOString()),
    ]);
    expect((await correct(officer, p.id, { version: 2, reason: "昨天的" })).status).toBe(403);
  });

  it("refuses a stale version (409) and a missing reason (422), changing nothing", async () => {
    const p = await parcelAt(officer, "approved");
    const before = { row: await parcelRow(p.id), events: await count("parcel_events", "parcel_id = ?", p.id) };
    expect((await correct(officer, p.id, { version: p.version - 1, reason: "过期" })).status).toBe(409);
    expect((await correct(officer, p.id, { version: p.version })).status).toBe(422);
    expect((await correct(officer, p.id, { version: p.version, reason: "  " })).status).toBe(422);
    expect({ row: await parcelRow(p.id), events: await count("parcel_events", "parcel_id = ?", p.id) }).toEqual(before);
  });
});
