import { beforeAll, describe, expect, it } from "vitest";
import { DATES, MOVE_BODY, parcelAt } from "../chain-fixtures";
import { count, parcelRow, session } from "../helpers";

// Idempotency-Key on a move (issue 11): the key is bound to the request (method, path, body) that
// first used it; any other request under it is refused 422 and writes nothing; a key is never cut.
let officer: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  officer = await session("officer");
});

const move = (id: number, body: Record<string, unknown>, key: string) =>
  officer.json("POST", `/api/v1/parcels/${id}/moves`, body, { "Idempotency-Key": key });
const approve = (version: number, date = DATES[0]) => ({ to: "approved", date, version, ...MOVE_BODY.approved });

describe("Idempotency-Key", () => {
  it("same key, same request: the first answer replayed, one event", async () => {
    const p = await parcelAt(officer, "planned");
    const key = crypto.randomUUID();
    const first = await move(p.id, approve(p.version), key);
    const second = await move(p.id, approve(p.version), key);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.text()).toBe(await first.text());
    expect(await count("parcel_events", "parcel_id = ?", p.id)).toBe(1);
  });

  it("same key, different body: 422 idempotency_key_reused and nothing written", async () => {
    const p = await parcelAt(officer, "planned");
    const key = crypto.randomUUID();
    expect((await move(p.id, approve(p.version), key)).status).toBe(200);
    const before = await parcelRow(p.id);
    // The next move, valid on its own (version 2 after the first), but under the first move's key.
    const res = await move(p.id, { to: "acquired", date: DATES[1], version: 2, ...MOVE_BODY.acquired }, key);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("idempotency_key_reused");
    expect(body.message).toBe("该幂等键已用于其他请求");
    expect(await parcelRow(p.id)).toEqual(before);
    expect(await count("parcel_events", "parcel_id = ?", p.id)).toBe(1);
  });

  it("same key, same body, another parcel (another path): 422, nothing written", async () => {
    const a = await parcelAt(officer, "planned");
    const b = await parcelAt(officer, "planned");
    const key = crypto.randomUUID();
    expect((await move(a.id, approve(1), key)).status).toBe(200);
    const res = await move(b.id, approve(1), key);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toBe("idempotency_key_reused");
    expect(await count("parcel_events", "parcel_id = ?", b.id)).toBe(0);
  });

  it("a key of 200 characters is taken; 201 is refused 400 and nothing written", async () => {
    const p = await parcelAt(officer, "planned");
    const long = "k".repeat(200) + crypto.randomUUID().slice(0, 1);
    const refused = await move(p.id, approve(p.version), long);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe("idempotency_key_too_long");
    expect(await count("parcel_events", "parcel_id = ?", p.id)).toBe(0);
    // Exactly 200: accepted, and stored whole.
    const key = crypto.randomUUID() + "k".repeat(200 - 36);
    expect(key).toHaveLength(200);
    expect((await move(p.id, approve(p.version), key)).status).toBe(200);
    expect(await count("parcel_events", "idempotency_key = ?", key)).toBe(1);
  });

  it("two long keys sharing their first 200 characters do not collide: both refused", async () => {
    const p = await parcelAt(officer, "planned");
    const stem = crypto.randomUUID() + "s".repeat(164); // 36 + 164 = 200
    expect((await move(p.id, approve(p.version), stem + "A")).status).toBe(400);
    expect((await move(p.id, approve(p.version), stem + "B")).status).toBe(400);
    expect(await count("parcel_events", "parcel_id = ?", p.id)).toBe(0);
  });
});
