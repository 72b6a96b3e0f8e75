import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { MOVE_BODY, parcelAt } from "../chain-fixtures";
import { call, count, parcelRow, session } from "../helpers";

// parcelAt(…, "supplied"): supplied 2023-04-10 with agreed start S = 2023-12-01, version 5.
// The limit of any delay is S + 1 year = 2024-12-01 (that day allowed, 2024-12-02 refused).
let officer: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  officer = await session("officer");
});

const delay = (id: number, body: Record<string, unknown>, headers?: Record<string, string>) =>
  officer.json("POST", `/api/v1/parcels/${id}/delays`, body, headers);
const body = (version: number, newAgreedStartOn: string, over: Record<string, unknown> = {}) => ({
  version,
  cause: "规划调整，政府原因未能按期交地",
  docNo: "南政函〔2023〕88号",
  newAgreedStartOn,
  date: "2023-11-20",
  ...over,
});

async function snapshot(id: number) {
  return { row: await parcelRow(id), events: await count("parcel_events", "parcel_id = ?", id) };
}

type Json = Record<string, unknown> & { issues?: { path: string; code: string; message: string }[] };
const read = async (res: Response) => (await res.json()) as Json;

describe("recording a delay", () => {
  it("moves the agreed start, keeps the original, appends a delay event", async () => {
    const p = await parcelAt(officer, "supplied");
    const res = await delay(p.id, body(5, "2024-06-01"));
    expect(res.status).toBe(200);
    expect(await read(res)).toMatchObject({
      state: "supplied",
      version: 6,
      agreedStartOn: "2024-06-01",
      originalAgreedStartOn: "2023-12-01",
      lastMovedOn: "2023-04-10", // a delay is not a move: the next move's earliest date is unchanged
    });
    const detail = (await read(await officer.json("GET", `/api/v1/parcels/${p.id}`))) as { events: Json[] };
    expect(detail.events.at(-1)).toMatchObject({
      kind: "delay",
      date: "2023-11-20",
      cause: "规划调整，政府原因未能按期交地",
      docNo: "南政函〔2023〕88号",
      newAgreedStartOn: "2024-06-01",
      previousAgreedStartOn: "2023-12-01",
    });
  });

  it("a second delay may reach S + 1 year exactly (day before and day of), not a day past it", async () => {
    const p = await parcelAt(officer, "supplied");
    expect((await delay(p.id, body(5, "2024-11-30"))).status).toBe(200);
    expect((await delay(p.id, body(6, "2024-12-01"))).status).toBe(200);
    const q = await parcelAt(officer, "supplied");
    expect((await delay(q.id, body(5, "2024-06-01"))).status).toBe(200);
    const before = await snapshot(q.id);
    const res = await delay(q.id, body(6, "2024-12-02"));
    expect(res.status).toBe(422);
    const j = await read(res);
    expect(j.issues).toEqual([
      {
        path: "newAgreedStartOn",
        code: "delay_over_limit",
        params: { current: "2024-06-01", original: "2023-12-01", limit: "2024-12-01" },
        message: "延期最长不得超过原约定开工日期（2023-12-01）后一年，即不得晚于 2024-12-01",
      },
    ]);
    expect(await snapshot(q.id)).toEqual(before);
  });

  it("an original start of 29 February may be delayed to 28 February of the next year, not 1 March", async () => {
    const p = await parcelAt(officer, "reserved");
    const supply = { ...MOVE_BODY.supplied, agreedStartOn: "2024-02-29", agreedCompletionOn: "2026-02-28" };
    const r = await officer.json("POST", `/api/v1/parcels/${p.id}/moves`, {
      to: "supplied",
      date: "2023-04-10",
      version: p.version,
      ...supply,
    });
    expect(r.status).toBe(200);
    const before = await snapshot(p.id);
    expect((await delay(p.id, body(5, "2025-03-01"))).status).toBe(422);
    expect(await snapshot(p.id)).toEqual(before);
    expect((await delay(p.id, body(5, "2025-02-28"))).status).toBe(200);
  });

  it("refuses each invalid body with 422 and writes nothing", async () => {
    const p = await parcelAt(officer, "supplied");
    const before = await snapshot(p.id);
    const cases: [Record<string, unknown>, string, string][] = [
      [body(5, "2024-06-01", { cause: "" }), "cause", "required"],
      [body(5, "2024-06-01", { docNo: undefined }), "docNo", "required"],
      [body(5, "2024-02-30"), "newAgreedStartOn", "invalid_date"],
      [body(5, "2023-12-01"), "newAgreedStartOn", "delay_not_later"], // equal to the start in force
      [body(5, "2023-11-30"), "newAgreedStartOn", "delay_not_later"],
      [body(5, "2024-06-01", { date: "2023-04-09" }), "date", "before_previous"], // the day before the supply
      [body(5, "2024-06-01", { date: "2099-01-01" }), "date", "after_today"],
      [{ ...body(5, "2024-06-01"), version: "5" }, "version", "invalid_type"],
    ];
    for (const [b, path, code] of cases) {
      const res = await delay(p.id, b);
      expect(res.status, JSON.stringify(b)).toBe(422);
      const j = await read(res);
      expect(j.issues?.map((i) => [i.path, i.code])).toContainEqual([path, code]);
    }
    // The supply's own day is allowed as the delay's date.
    expect(await snapshot(p.id)).toEqual(before);
    expect((await delay(p.id, body(5, "2024-06-01", { date: "2023-04-10" }))).status).toBe(200);
  });

  it("only a supplied parcel not yet started can be delayed", async () => {
    for (const state of ["reserved", "started"] as const) {
      const p = await parcelAt(officer, state);
      const before = await snapshot(p.id);
      const res = await delay(p.id, body(p.version, "2024-06-01"));
      expect(res.status).toBe(422);
      expect((await read(res)).error).toBe("delay_not_supplied");
      expect(await snapshot(p.id)).toEqual(before);
    }
  });

  it("a stale version is a 409 and nothing is written; an unknown parcel a 404", async () => {
    const p = await parcelAt(officer, "supplied");
    const before = await snapshot(p.id);
    expect((await delay(p.id, body(4, "2024-06-01"))).status).toBe(409);
    expect(await snapshot(p.id)).toEqual(before);
    expect((await delay(99999999, body(1, "2024-06-01"))).status).toBe(404);
    expect((await delay(0, body(1, "2024-06-01"))).status).toBe(404);
  });

  it("a viewer gets 403, no session 401, and nothing is written", async () => {
    const p = await parcelAt(officer, "supplied");
    const before = await snapshot(p.id);
    const viewer = await session("viewer");
    expect((await viewer.json("POST", `/api/v1/parcels/${p.id}/delays`, body(5, "2024-06-01"))).status).toBe(403);
    const anon = await call(`/api/v1/parcels/${p.id}/delays`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body(5, "2024-06-01")),
    });
    expect(anon.status).toBe(401);
    expect(await snapshot(p.id)).toEqual(before);
  });

  it("a repeated Idempotency-Key replays the first answer and writes one event", async () => {
    const p = await parcelAt(officer, "supplied");
    const key = `delay-${crypto.randomUUID()}`;
    const first = await delay(p.id, body(5, "2024-06-01"), { "Idempotency-Key": key });
    const again = await delay(p.id, body(5, "2024-06-01"), { "Idempotency-Key": key });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(await first.text());
    expect(await count("parcel_events", "parcel_id = ? AND kind = 'delay'", p.id)).toBe(1);
  });
});

describe("correcting a delay", () => {
  const correct = (id: number, version: number) =>
    officer.json("POST", `/api/v1/parcels/${id}/corrections`, { version, reason: "延期录错" });

  it("undoes the latest delay first, restoring the start it replaced; then the supply", async () => {
    const p = await parcelAt(officer, "supplied");
    await delay(p.id, body(5, "2024-03-01"));
    await delay(p.id, body(6, "2024-09-01"));
    let r = await read(await correct(p.id, 7));
    expect(r).toMatchObject({ state: "supplied", agreedStartOn: "2024-03-01", originalAgreedStartOn: "2023-12-01" });
    r = await read(await correct(p.id, 8));
    expect(r).toMatchObject({ state: "supplied", agreedStartOn: "2023-12-01", lastMovedOn: "2023-04-10" });
    r = await read(await correct(p.id, 9));
    // The supply undone: back to reserved (2023-03-10), both agreed starts cleared.
    expect(r).toMatchObject({ state: "reserved", agreedStartOn: null, originalAgreedStartOn: null });
    expect(r.lastMovedOn).toBe("2023-03-10");
    const row = (await env.DB.prepare("SELECT original_agreed_start_on FROM parcels WHERE id = ?")
      .bind(p.id)
      .first()) as Record<string, unknown>;
    expect(row.original_agreed_start_on).toBeNull();
  });

  it("undoing a start recorded after a delay restores the supply's date, not the delay's", async () => {
    const p = await parcelAt(officer, "supplied");
    await delay(p.id, body(5, "2024-06-01", { date: "2023-11-20" }));
    const started = await officer.json("POST", `/api/v1/parcels/${p.id}/moves`, {
      to: "started",
      date: "2023-12-05",
      version: 6,
      ...MOVE_BODY.started,
    });
    expect(started.status).toBe(200);
    const r = await read(await correct(p.id, 7));
    // Moves in force before the start: …, supplied 2023-04-10 → that is the date restored.
    expect(r).toMatchObject({ state: "supplied", lastMovedOn: "2023-04-10", agreedStartOn: "2024-06-01" });
  });
});
