import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { MOVE_BODY, parcelAt } from "../chain-fixtures";
import { call, count, newParcel, parcelRow, session } from "../helpers";

let officer: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  officer = await session("officer");
});

describe("POST /api/v1/parcels (register)", () => {
  it("registers a planned parcel with its area in m², 亩 and 公顷", async () => {
    const res = await officer.json(
      "POST",
      "/api/v1/parcels",
      newParcel({ code: "330402-FQ-0001", area: { value: 616.2, unit: "mu" } }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      code: "330402-FQ-0001",
      state: "planned",
      version: 1,
      areaM2: 410800,
      areaMu: 616.2,
      areaHa: 41.08,
      town: "凤桥镇",
    });
  });

  it("registers state-owned stock straight into the reserve", async () => {
    const res = await officer.json(
      "POST",
      "/api/v1/parcels",
      newParcel({ origin: "state", state: "reserved", date: "2022-08-01", reserveNo: "NHCB-2022-31" }),
    );
    expect(res.status).toBe(201);
    const p = (await res.json()) as { id: number };
    expect(await res.status).toBe(201);
    expect(await parcelRow(p.id)).toMatchObject({
      state: "reserved",
      reserved_on: "2022-08-01",
      reserve_no: "NHCB-2022-31",
      last_moved_on: "2022-08-01",
    });
  });

  const BAD: [string, Record<string, unknown>, string, string][] = [
    ["missing code", { code: undefined }, "code", "required"],
    ["blank name", { name: "   " }, "name", "required"],
    ["unknown land use", { landUse: "farm" }, "landUse", "invalid_choice"],
    ["unknown origin", { origin: "private" }, "origin", "invalid_choice"],
    ["zero area", { area: { value: 0, unit: "mu" } }, "area.value", "too_small"],
    ["area as words", { area: { value: "十二", unit: "mu" } }, "area.value", "not_a_number"],
    ["area in another unit", { area: { value: "12公顷", unit: "mu" } }, "area.value", "wrong_unit"],
    ["unknown unit", { area: { value: 1, unit: "acre" } }, "area.unit", "invalid_choice"],
    [
      "collective land into the reserve",
      { state: "reserved", date: "2022-01-01", reserveNo: "R" },
      "state",
      "register_state",
    ],
    ["reserve without date", { origin: "state", state: "reserved", reserveNo: "R" }, "date", "required"],
    [
      "reserve dated after today",
      { origin: "state", state: "reserved", date: "2099-01-01", reserveNo: "R" },
      "date",
      "after_today",
    ],
    ["unknown batch", { batchId: 987654 }, "batchId", "unknown_batch"],
    ["code too long", { code: "x".repeat(51) }, "code", "too_long"],
  ];
  for (const [what, over, path, code] of BAD)
    it(`refuses ${what} with 422 and writes nothing`, async () => {
      const before = await count("parcels");
      const res = await officer.json("POST", "/api/v1/parcels", newParcel(over));
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: string; issues: { path: string; code: string; message: string }[] };
      expect(body.error).toBe("validation");
      expect(body.issues).toContainEqual(expect.objectContaining({ path, code }));
      expect(body.issues.every((i) => i.message && !i.message.startsWith("field."))).toBe(true);
      expect(await count("parcels")).toBe(before);
    });

  it("answers 409 to a duplicate code and writes nothing", async () => {
    const body = newParcel();
    expect((await officer.json("POST", "/api/v1/parcels", body)).status).toBe(201);
    const before = await count("parcels");
    const res = await officer.json("POST", "/api/v1/parcels", { ...body, name: "另一地块" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: "duplicate" });
    expect(await count("parcels")).toBe(before);
  });

  it("refuses a form-encoded body with 415 and malformed JSON with 400", async () => {
    const form = await call("/api/v1/parcels", {
      method: "POST",
      headers: {
        Cookie: officer.cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "http://127.0.0.1:8787",
      },
      body: "code=x",
    });
    expect(form.status).toBe(415);
    const bad = await call("/api/v1/parcels", {
      method: "POST",
      headers: { Cookie: officer.cookie, "Content-Type": "application/json" },
      body: "{",
    });
    expect(bad.status).toBe(400);
  });
});

describe("roles on parcel mutations", () => {
  it("gives viewer and lead 403 and no session 401 on every parcel mutation, writing nothing", async () => {
    const p = await parcelAt(officer, "approved");
    const calls: [string, string, unknown][] = [
      ["POST", "/api/v1/parcels", newParcel()],
      ["PATCH", `/api/v1/parcels/${p.id}`, { reason: "核对后修改", version: p.version, name: "改名" }],
      [
        "POST",
        `/api/v1/parcels/${p.id}/moves`,
        { to: "acquired", date: "2023-03-01", version: p.version, ...MOVE_BODY.acquired },
      ],
      ["POST", `/api/v1/parcels/${p.id}/corrections`, { version: p.version, reason: "录入错误" }],
    ];
    const before = {
      parcels: await count("parcels"),
      events: await count("parcel_events"),
      row: await parcelRow(p.id),
    };
    for (const role of ["viewer", "lead"] as const) {
      const s = await session(role);
      for (const [method, path, body] of calls)
        expect((await s.json(method, path, body)).status, `${role} ${method} ${path}`).toBe(403);
    }
    for (const [method, path, body] of calls) {
      const res = await call(path, {
        method,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(res.status, `anonymous ${method} ${path}`).toBe(401);
      expect(await res.json()).toMatchObject({ error: "unauthenticated" });
    }
    expect({
      parcels: await count("parcels"),
      events: await count("parcel_events"),
      row: await parcelRow(p.id),
    }).toEqual(before);
  });

  it("lets a viewer read parcels but not an anonymous caller", async () => {
    const viewer = await session("viewer");
    expect((await viewer.json("GET", "/api/v1/parcels")).status).toBe(200);
    expect((await call("/api/v1/parcels")).status).toBe(401);
  });
});

describe("PATCH /api/v1/parcels/:id (edit)", () => {
  it("edits registration fields as an edit event with what changed", async () => {
    const p = await parcelAt(officer, "approved");
    const res = await officer.json("PATCH", `/api/v1/parcels/${p.id}`, {
      version: p.version,
      reason: "按勘测定界图更正",
      name: "凤桥镇新址",
      area: { value: 2, unit: "ha" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      name: "凤桥镇新址",
      areaM2: 20000,
      areaMu: 30,
      version: p.version + 1,
      state: "approved",
    });
    const detail = (await (await officer.json("GET", `/api/v1/parcels/${p.id}`)).json()) as {
      events: { kind: string; changes: Record<string, unknown> }[];
    };
    expect(detail.events.at(-1)).toMatchObject({
      kind: "edit",
      changes: { name: { from: "南湖区凤桥镇测试地块", to: "凤桥镇新址" }, areaM2: { to: 20000 } },
    });
  });

  it("refuses a stale version (409) and bad fields (422), changing nothing", async () => {
    const p = await parcelAt(officer, "planned");
    const before = await parcelRow(p.id);
    expect(
      (
        await officer.json("PATCH", `/api/v1/parcels/${p.id}`, {
          reason: "核对后修改",
          version: p.version + 1,
          name: "X",
        })
      ).status,
    ).toBe(409);
    for (const body of [
      { version: p.version, reason: "核对" },
      { version: p.version, landUse: "farm", reason: "核对" },
      { version: p.version, town: "", reason: "核对" },
      { version: p.version, area: { value: -1, unit: "mu" }, reason: "核对" },
      { name: "no version", reason: "核对" },
      { version: p.version, name: "无理由" },
    ])
      expect((await officer.json("PATCH", `/api/v1/parcels/${p.id}`, body)).status, JSON.stringify(body)).toBe(422);
    expect(await parcelRow(p.id)).toEqual(before);
    expect(
      (await officer.json("PATCH", "/api/v1/parcels/999999", { reason: "核对后修改", version: 1, name: "X" })).status,
    ).toBe(404);
  });
});

describe("chain totals", () => {
  it("equal the parcels counted by state after registrations, moves, edits and corrections", async () => {
    const p = await parcelAt(officer, "reserved");
    await officer.json("PATCH", `/api/v1/parcels/${p.id}`, {
      reason: "核对后修改",
      version: p.version,
      area: { value: 3, unit: "ha" },
    });
    await officer.json("POST", `/api/v1/parcels/${p.id}/corrections`, {
      version: p.version + 1,
      reason: "入库日期录错",
    });
    const totals = (
      await env.DB.prepare("SELECT state, count, area_m2 FROM chain_totals WHERE count <> 0 ORDER BY state").all()
    ).results;
    const actual = (
      await env.DB.prepare(
        "SELECT state, count(*) AS count, sum(area_m2) AS area_m2 FROM parcels GROUP BY state ORDER BY state",
      ).all()
    ).results;
    expect(totals).toEqual(actual);
  });
});
