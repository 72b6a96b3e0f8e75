import { beforeAll, describe, expect, it } from "vitest";
import { MOVE_BODY } from "../chain-fixtures";
import { call, count, createUser, newParcel, PASSWORD } from "../helpers";

// The acceptance fixture of issue 9: 13 parcels over 2030–2033 written through the API, figures typed by
// hand. Areas are whole "units" of 2,000 m² = 3.00 亩 exactly (1 亩 = 2000/3 m²), so each sum is easy to check.
const U = 2000;
const TODAY = { "X-Test-Today": "2034-06-30" };
let admin: {
  json: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
};

/** An admin logged in on the fixture's "today" (a session from the real clock would look expired in 2034). */
async function adminSession() {
  const { username } = await createUser("admin");
  const res = await call("/api/v1/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...TODAY },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const cookie = res.headers.get("Set-Cookie")!.split(";")[0];
  return {
    json: (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      call(path, {
        method,
        headers: {
          Cookie: cookie,
          ...TODAY,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}
const ids: Record<string, number> = {};

type Step = [to: string, date: string];
async function parcel(key: string, town: string, units: number, steps: Step[], over: Record<string, unknown> = {}) {
  const res = await admin.json(
    "POST",
    "/api/v1/parcels",
    newParcel({ town, area: { value: units * U, unit: "m2" }, ...over }),
    TODAY,
  );
  expect(res.status).toBe(201);
  let p = (await res.json()) as { id: number; version: number };
  for (const [to, date] of steps) p = await move(p, to, date);
  ids[key] = p.id;
}
async function move(p: { id: number; version: number }, to: string, date: string) {
  const supply = to === "supplied" ? { agreedStartOn: "2035-01-01", agreedCompletionOn: "2036-01-01" } : {};
  const body = {
    to,
    date,
    version: p.version,
    ...MOVE_BODY[to as keyof typeof MOVE_BODY],
    ...supply,
    reason: "跳步理由",
  };
  const r = await admin.json("POST", `/api/v1/parcels/${p.id}/moves`, body, TODAY);
  expect(r.status, await r.clone().text()).toBe(200);
  return (await r.json()) as { id: number; version: number };
}
const digestion = async (year: number, asOf: string) => {
  const r = await admin.json("GET", `/api/v1/digestion?year=${year}&asOf=${asOf}`, undefined, TODAY);
  expect(r.status).toBe(200);
  return (await r.json()) as Record<string, unknown> & { workList: { id: number; lapse: string | null }[] };
};
const fig = (count: number, units: number) => ({ count, areaM2: units * U, areaMu: units * 3 });
const towns = (rows: [string, number, number][]) => rows.map(([town, c, u]) => ({ town, ...fig(c, u) }));
const ages = (rows: [number, number][]) =>
  ["<1", "1-2", "2-3", "3-5", ">=5"].map((bucket, i) => ({ bucket, ...fig(...rows[i]) }));

beforeAll(async () => {
  admin = await adminSession();
  // This file's database holds only these parcels (the pool isolates storage per test file).
  expect(await count("parcels")).toBe(0);
  await parcel("A", "凤桥镇", 2, [
    ["approved", "2031-03-01"],
    ["acquired", "2031-06-01"],
    ["reserved", "2031-09-01"],
    ["supplied", "2032-05-10"],
  ]);
  await parcel("B", "余新镇", 1, [
    ["approved", "2031-06-01"],
    ["acquired", "2031-08-01"],
    ["supplied", "2032-01-01"],
  ]); // supplied on 1 January
  await parcel("C", "大桥镇", 3, [
    ["approved", "2031-02-01"],
    ["withdrawn", "2032-03-01"],
  ]);
  await parcel(
    "D",
    "凤桥镇",
    4,
    [
      ["approved", "2031-04-01"],
      ["reserved", "2031-09-01"],
      ["supplied", "2032-08-01"],
    ],
    { origin: "state" },
  ); // approved → reserved skip
  await parcel("E", "新丰镇", 1, [["supplied", "2032-02-01"]], {
    origin: "state",
    state: "reserved",
    date: "2031-05-01",
    reserveNo: "CB-9",
  }); // straight into the reserve: never approved
  await parcel("F", "凤桥镇", 2, [["approved", "2031-12-31"]]);
  await parcel("G", "余新镇", 5, [
    ["approved", "2030-01-10"],
    ["acquired", "2031-05-01"],
  ]);
  await parcel("H", "大桥镇", 1, [
    ["approved", "2032-03-01"],
    ["acquired", "2032-04-01"],
    ["supplied", "2032-06-01"],
  ]);
  await parcel("I", "凤桥镇", 2, [
    ["approved", "2031-07-01"],
    ["acquired", "2031-09-01"],
    ["supplied", "2032-04-01"],
  ]);
  const i = await admin.json("POST", `/api/v1/parcels/${ids.I}/corrections`, { version: 4, reason: "供地录错" }, TODAY);
  expect(i.status).toBe(200); // I's supply corrected away: still in the stock
  await parcel("J", "新丰镇", 3, [["approved", "2032-09-01"]]);
  await parcel("K", "余新镇", 2, [["approved", "2028-02-29"]]);
  await parcel("L", "大桥镇", 1, [
    ["approved", "2031-11-01"],
    ["acquired", "2032-01-15"],
    ["supplied", "2033-01-01"],
  ]);
  await parcel("M", "凤桥镇", 1, []); // planned only
});

describe("digestion figures for the fixture, typed by hand", () => {
  it("2032 as of 2032-06-30", async () => {
    const d = await digestion(2032, "2032-06-30");
    expect(d.target).toBeNull();
    // Stock on 2031-12-31: A2 B1 C3 D4 F2 G5 I2 K2 L1 = 9 parcels, 22 units (E never approved; H, J approved in 2032).
    expect(d.stockAtYearStart).toMatchObject(fig(9, 22));
    // Left between 2032-01-01 and 06-30: A (supplied 05-10) 2 + B (01-01) 1 + C (withdrawn 03-01) 3 = 6 units.
    expect(d.digested).toMatchObject(fig(3, 6));
    // D4 F2 G5 I2 K2 L1 = 16 units (= 22 − 6; H approved and supplied within the half-year).
    expect(d.stockNow).toMatchObject(fig(6, 16));
    // 大桥 L1; 凤桥 D4 F2 I2; 余新 G5 K2 — pinyin da < feng < yu; ranked 凤桥 24亩, 余新 21亩, 大桥 3亩.
    expect(d.byTown).toMatchObject(
      towns([
        ["大桥镇", 1, 1],
        ["凤桥镇", 3, 8],
        ["余新镇", 2, 7],
      ]),
    );
    expect((d.byTownRanked as { town: string }[]).map((t) => t.town)).toEqual(["凤桥镇", "余新镇", "大桥镇"]);
    // <1: F (2031-12-31), I (07-01: anniversary 2032-07-01 not yet), L; 1–2: D; 2–3: G; 3–5: K (2028-02-29).
    expect(d.byAge).toMatchObject(
      ages([
        [3, 5],
        [1, 4],
        [1, 5],
        [1, 2],
        [0, 0],
      ]),
    );
    // Oldest approval first; K is still `approved` 2 years on (2030-02-28) → lapsed; the others were acquired.
    expect(d.workList.map((p) => [p.id, p.lapse])).toEqual([
      [ids.K, "lapsed"],
      [ids.G, null],
      [ids.D, null],
      [ids.I, null],
      [ids.L, null],
      [ids.F, null],
    ]);
  });

  it("2033 as of 2033-03-31", async () => {
    const d = await digestion(2033, "2033-03-31");
    // Stock on 2032-12-31: F2 G5 I2 J3 K2 L1 = 6 parcels, 15 units (D supplied 2032-08-01).
    expect(d.stockAtYearStart).toMatchObject(fig(6, 15));
    expect(d.digested).toMatchObject(fig(1, 1)); // L supplied on 1 January 2033 counts for 2033
    expect(d.stockNow).toMatchObject(fig(5, 14));
    expect(d.byTown).toMatchObject(
      towns([
        ["凤桥镇", 2, 4],
        ["新丰镇", 1, 3],
        ["余新镇", 2, 7],
      ]),
    );
    // <1: J; 1–2: F, I; 3–5: G (3 years on 2033-01-10); ≥5: K (5th anniversary of 29 Feb is 28 Feb 2033).
    expect(d.byAge).toMatchObject(
      ages([
        [1, 3],
        [2, 4],
        [0, 0],
        [1, 5],
        [1, 2],
      ]),
    );
  });

  it("29 February's fifth anniversary: K is 3–5 on 2033-02-27 and ≥5 on 2033-02-28", async () => {
    const before = (await digestion(2033, "2033-02-27")).byAge as { bucket: string; count: number }[];
    const on = (await digestion(2033, "2033-02-28")).byAge as { bucket: string; count: number }[];
    expect(before.find((b) => b.bucket === ">=5")!.count).toBe(0);
    expect(on.find((b) => b.bucket === ">=5")!.count).toBe(1);
  });

  it("a move dated after D leaves D unchanged; a late entry dated on or before D changes it", async () => {
    const f = (await (await admin.json("GET", `/api/v1/parcels/${ids.F}`, undefined, TODAY)).json()) as {
      id: number;
      version: number;
    };
    const p = await move(await move(f, "acquired", "2033-01-10"), "supplied", "2033-06-01");
    let d = await digestion(2033, "2033-03-31");
    expect([d.digested, d.stockNow]).toMatchObject([fig(1, 1), fig(5, 14)]);
    const undone = await admin.json(
      "POST",
      `/api/v1/parcels/${ids.F}/corrections`,
      { version: p.version, reason: "日期录错" },
      TODAY,
    );
    expect(undone.status).toBe(200);
    await move((await undone.json()) as { id: number; version: number }, "supplied", "2033-02-01");
    d = await digestion(2033, "2033-03-31");
    // F (2 units) now supplied 2033-02-01 ≤ D: digested 1 + 2 = 3 units, stock 14 − 2 = 12 units.
    expect([d.digested, d.stockNow]).toMatchObject([fig(2, 3), fig(4, 12)]);
  });
});
