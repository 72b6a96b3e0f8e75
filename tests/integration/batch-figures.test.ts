import { beforeAll, describe, expect, it } from "vitest";
import { MOVE_BODY } from "../chain-fixtures";
import { createBatch } from "../batch-fixtures";
import { newParcel, session } from "../helpers";

// A hand-worked fixture (docs/PRODUCT.md §4). Y is this year in Asia/Shanghai; the benchmark looks at Y−5 … Y−1.
// Every expected number below is worked out in the comments, not taken from the code.
const Y = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
const d = (yearsBack: number, mmdd: string) => `${Y - yearsBack}-${mmdd}`;

let officer: Awaited<ReturnType<typeof session>>;
const ids: Record<string, number> = {};

type Step = [to: string, date: string, extra?: Record<string, unknown>];
async function parcel(batchId: number, m2: number, steps: Step[]) {
  const res = await officer.json("POST", "/api/v1/parcels", newParcel({ batchId, area: { value: m2, unit: "m2" } }));
  expect(res.status).toBe(201);
  let p = (await res.json()) as { id: number; version: number };
  for (const [to, date, extra] of steps) {
    const r = await officer.json("POST", `/api/v1/parcels/${p.id}/moves`, {
      to,
      date,
      version: p.version,
      ...MOVE_BODY[to as keyof typeof MOVE_BODY],
      ...extra,
    });
    expect(r.status, await r.clone().text()).toBe(200);
    p = (await r.json()) as { id: number; version: number };
  }
  return p.id;
}

const SUPPLY: Step[] = [
  ["acquired", d(3, "05-01")],
  ["reserved", d(3, "07-01")],
  ["supplied", d(3, "09-01")],
];

beforeAll(async () => {
  officer = await session("officer");
  // A: urban, registered unapproved, approved through the approval API on Y−3-03-15.
  const a = await createBatch(officer, { name: "甲 城镇批次" });
  ids.a = a.id;
  ids.a5 = await parcel(a.id, 2000, [["withdrawn", d(3, "02-01")]]); // dropped while planned: never approved
  const a1 = await parcel(a.id, 20000, []);
  const a2 = await parcel(a.id, 10000, []);
  const a3 = await parcel(a.id, 6000, []);
  ids.a4 = await parcel(a.id, 4000, []);
  const a6 = await parcel(a.id, 8000, []);
  const approval = await officer.json("POST", `/api/v1/batches/${a.id}/approval`, {
    docNo: "浙政土甲",
    date: d(3, "03-15"),
  });
  expect(approval.status).toBe(200);
  const walk = async (id: number, steps: Step[]) => {
    let version = 2;
    for (const [to, date, extra] of steps) {
      const r = await officer.json("POST", `/api/v1/parcels/${id}/moves`, {
        to,
        date,
        version: version++,
        ...MOVE_BODY[to as keyof typeof MOVE_BODY],
        ...extra,
      });
      expect(r.status, await r.clone().text()).toBe(200);
    }
  };
  await walk(a1, SUPPLY); // supplied through the reserve
  await walk(a2, [
    ["acquired", d(3, "05-01")],
    ["supplied", d(3, "06-01"), { method: "allocation", priceWan: undefined, reason: "单独选址直接划拨" }],
  ]); // skips the reserve
  await walk(a3, [["withdrawn", d(3, "04-01")]]); // withdrawn after approval
  await walk(a6, [...SUPPLY, ["started", d(2, "01-10")]]); // beyond supplied
  // B: linked, registered as approved on Y−1-06-01; its parcels approved one by one.
  const b = await createBatch(officer, {
    name: "乙 增减挂钩",
    kind: "linked",
    docNo: "浙政土乙",
    approvedOn: d(1, "06-01"),
  });
  ids.b = b.id;
  ids.b1 = await parcel(b.id, 30000, [["approved", d(1, "06-01")]]);
  await parcel(b.id, 12000, [
    ["approved", d(1, "06-01")],
    ["acquired", d(1, "07-01")],
    ["reserved", d(1, "08-01")],
    ["supplied", d(1, "09-01")],
  ]);
  // C: approved Y−6, outside the window, fully supplied.
  const c = await createBatch(officer, {
    name: "丙 单独选址",
    kind: "standalone",
    docNo: "浙政土丙",
    approvedOn: d(6, "05-01"),
  });
  ids.c = c.id;
  await parcel(c.id, 10000, [
    ["approved", d(6, "05-01")],
    ["acquired", d(6, "06-01")],
    ["reserved", d(6, "07-01")],
    ["supplied", d(6, "08-01")],
  ]);
  // D: approved this year (not a full year yet), nothing supplied.
  const dd = await createBatch(officer, { name: "丁 城镇批次", docNo: "浙政土丁", approvedOn: d(0, "01-01") });
  ids.d = dd.id;
  await parcel(dd.id, 5000, [["approved", d(0, "01-01")]]);
  // E: not approved; F: approved on the window's first day, G: on the day before it — both without parcels.
  ids.e = (await createBatch(officer, { name: "戊 待批" })).id;
  await parcel(ids.e, 7000, []);
  ids.f = (
    await createBatch(officer, { name: "己 窗口首日", kind: "standalone", docNo: "F", approvedOn: d(5, "01-01") })
  ).id;
  ids.g = (
    await createBatch(officer, { name: "庚 窗口前一日", kind: "standalone", docNo: "G", approvedOn: d(6, "12-31") })
  ).id;
}, 120_000);

const get = async (path: string) => {
  const res = await officer.json("GET", path);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown> & { items: { id: number }[]; nextCursor: string | null };
};

describe("batch figures against a hand-worked fixture", () => {
  it("batch A: withdrawn and reserve-skipping parcels counted as docs/PRODUCT.md §4 says", async () => {
    // Approved: a1 20,000 + a2 10,000 + a3 6,000 + a4 4,000 + a6 8,000 = 48,000 m² = 72 亩 (a5 never approved).
    // Supplied: a1 + a2 (skipped the reserve) + a6 (started) = 38,000 m² = 57 亩. Withdrawn: a3 6,000 m² = 9 亩.
    // Approved-unsupplied: a4 4,000 m² = 6 亩. Rate: 38,000 ÷ (48,000 − 6,000) = 0.904761… → 0.9048.
    expect(await get(`/api/v1/batches/${ids.a}`)).toMatchObject({
      parcelCount: 6,
      plannedCount: 0,
      approved: { areaM2: 48000, areaMu: 72, areaHa: 4.8 },
      supplied: { areaM2: 38000, areaMu: 57, areaHa: 3.8 },
      withdrawn: { areaM2: 6000, areaMu: 9, areaHa: 0.6 },
      approvedUnsupplied: { areaM2: 4000, areaMu: 6, areaHa: 0.4 },
      approvedUnsuppliedMu: 6,
      supplyRate: 0.9048,
    });
  });

  it("batch A's parcels carry their lapse levels: only the one still approved has lapsed", async () => {
    // a4 approved Y−3-03-15, never acquired: two years ended Y−1-03-15, so it is lapsed all through year Y.
    const a = (await get(`/api/v1/batches/${ids.a}`)) as unknown as {
      parcels: { id: number; state: string; lapse: string | null }[];
    };
    const lapse = Object.fromEntries(a.parcels.map((p) => [p.id, p.lapse]));
    expect(lapse[ids.a4]).toBe("lapsed");
    expect(a.parcels.filter((p) => p.lapse !== null)).toHaveLength(1);
    expect(lapse[ids.a5]).toBeNull();
  });

  it("batch B: 42,000 approved, 12,000 supplied → 28.57%, 45 亩 unsupplied; no lapse yet", async () => {
    // b1 30,000 + b2 12,000 = 42,000 m² = 63 亩; supplied b2 12,000 = 18 亩; 12,000 ÷ 42,000 = 0.285714… → 0.2857.
    // b1 approved Y−1-06-01: its warning starts 90 days before Y+1-06-01, i.e. in Y+1.
    const b = await get(`/api/v1/batches/${ids.b}`);
    expect(b).toMatchObject({
      approved: { areaM2: 42000, areaMu: 63 },
      supplied: { areaM2: 12000, areaMu: 18 },
      withdrawn: { areaM2: 0 },
      approvedUnsuppliedMu: 45,
      supplyRate: 0.2857,
    });
    expect(
      (b as unknown as { parcels: { id: number; lapse: string | null }[] }).parcels.find((p) => p.id === ids.b1)!.lapse,
    ).toBeNull();
  });

  it("five-year figure: A, B and F (approved Y−5 … Y−1) against 60%, with the area still to supply", async () => {
    // Approved 48,000 + 42,000 = 90,000; withdrawn 6,000; supplied 38,000 + 12,000 = 50,000.
    // Rate 50,000 ÷ 84,000 = 0.595238… → 0.5952. 60% of 84,000 = 50,400 → 400 m² short = 0.6 亩 = 0.04 公顷.
    // C and G (Y−6), D (this year) and E (unapproved) are outside.
    const list = await get("/api/v1/batches");
    expect(list.fiveYear).toEqual({
      fromYear: Y - 5,
      toYear: Y - 1,
      batchCount: 3,
      approved: { areaM2: 90000, areaMu: 135, areaHa: 9 },
      supplied: { areaM2: 50000, areaMu: 75, areaHa: 5 },
      withdrawn: { areaM2: 6000, areaMu: 9, areaHa: 0.6 },
      approvedUnsupplied: { areaM2: 34000, areaMu: 51, areaHa: 3.4 },
      supplyRate: 0.5952,
      benchmark: 0.6,
      meets: false,
      shortfall: { areaM2: 400, areaMu: 0.6, areaHa: 0.04 },
    });
  });

  it("lists newest approval first, batches awaiting approval on top", async () => {
    const list = await get("/api/v1/batches");
    expect(list.items.map((b) => b.id)).toEqual([ids.e, ids.d, ids.b, ids.a, ids.f, ids.g, ids.c]);
  });

  it("sorts by supply rate and pages by cursor through ties", async () => {
    // Rates: C 1, A 0.9048, B 0.2857, D 0; E, F, G have none (−1), tied, so newest id first.
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/api/v1/batches?sort=rate&dir=desc&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((b) => b.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.c, ids.a, ids.b, ids.d, ids.g, ids.f, ids.e]);
  });

  it("sorts by approved-unsupplied area ascending", async () => {
    // E 0, F 0, G 0, C 0 (all supplied), A 4,000, D 5,000, B 30,000; ties by id ascending.
    const list = await get("/api/v1/batches?sort=unsupplied&dir=asc");
    expect(list.items.map((b) => b.id)).toEqual([ids.c, ids.e, ids.f, ids.g, ids.a, ids.d, ids.b]);
  });

  it("filters by kind and by approval year", async () => {
    expect((await get("/api/v1/batches?kind=linked")).items.map((b) => b.id)).toEqual([ids.b]);
    expect((await get(`/api/v1/batches?year=${Y - 6}`)).items.map((b) => b.id)).toEqual([ids.g, ids.c]);
    expect((await get(`/api/v1/batches?kind=urban&year=${Y - 3}`)).items.map((b) => b.id)).toEqual([ids.a]);
  });

  it("answers 400 to a malformed list query", async () => {
    for (const q of ["kind=rural", "year=abc", "sort=name", "dir=up", "limit=0", "cursor=%%%"])
      expect((await officer.json("GET", `/api/v1/batches?${q}`)).status, q).toBe(400);
  });
});
