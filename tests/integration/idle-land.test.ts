import { beforeAll, describe, expect, it } from "vitest";
import { parcelAt } from "../chain-fixtures";
import { call, session } from "../helpers";
import { one } from "../html";
import { browser } from "./parcel-pages-helpers";

// parcelAt(…, "supplied"): supplied 2023-04-10, agreed start S = 2023-12-01, price 2380.5 万元.
// Thresholds: due_soon S−30 = 2023-11-01, overdue S, idle_fee S+1y = 2024-12-01, recovery S+2y = 2025-12-01.
// Fee = 20% × 2380.5 = 476.10 万元.
let officer: Awaited<ReturnType<typeof session>>;
let id: number;
beforeAll(async () => {
  officer = await session("officer");
  id = (await parcelAt(officer, "supplied")).id;
});

type Item = {
  parcelId: number;
  level: string | null;
  daysLate: number | null;
  daysToGo: number | null;
  feeWan: number | null;
  agreedStartOn: string;
  next: { level: string; days: number } | null;
};
type Body = { items: Item[]; warnings: { days: number; parcelIds: number[] }[] };
async function asOf(d: string, pid = id) {
  const r = await officer.json("GET", `/api/v1/idle-land?asOf=${d}`);
  expect(r.status).toBe(200);
  const b = (await r.json()) as Body;
  return {
    item: b.items.find((i) => i.parcelId === pid),
    group: b.warnings.find((w) => w.parcelIds.includes(pid))?.days ?? null,
  };
}

describe("idle levels on the day before and the day of each threshold", () => {
  it.each([
    ["2023-09-01", null, null], // S−91: in no group
    ["2023-09-02", null, 90], // S−90
    ["2023-10-31", null, 90], // S−31
    ["2023-11-01", "due_soon", 30], // S−30
    ["2023-11-23", "due_soon", 30], // S−8
    ["2023-11-24", "due_soon", 7], // S−7
    ["2023-11-30", "due_soon", 7],
    ["2023-12-01", "overdue", null], // S
    ["2024-11-30", "overdue", null],
    ["2024-12-01", "idle_fee", null], // S + 1 year
    ["2025-11-30", "idle_fee", null],
    ["2025-12-01", "recovery", null], // S + 2 years
  ])("%s → %s, warning group %s", async (d, level, group) => {
    const r = await asOf(d);
    expect(r.item?.level ?? null).toBe(level);
    expect(r.group).toBe(group);
  });

  it("days late and to go, the next threshold, and the fee from idle_fee on", async () => {
    expect((await asOf("2023-11-30")).item).toMatchObject({
      daysToGo: 1,
      daysLate: null,
      next: { level: "overdue", days: 1 },
      feeWan: null,
    });
    expect((await asOf("2023-12-01")).item).toMatchObject({
      daysLate: 0,
      next: { level: "idle_fee", days: 366 },
      feeWan: null,
    }); // 2024 is a leap year
    expect((await asOf("2024-12-01")).item).toMatchObject({ daysLate: 366, feeWan: 476.1 });
    expect((await asOf("2025-12-01")).item).toMatchObject({ next: null, feeWan: 476.1 });
  });

  it("before the supply there is nothing; once started, the parcel leaves the list", async () => {
    expect((await asOf("2023-04-09")).item).toBeUndefined();
    const p = await parcelAt(officer, "started"); // started 2023-05-10
    expect((await asOf("2023-05-09", p.id)).item).toBeDefined();
    expect((await asOf("2023-05-10", p.id)).item).toBeUndefined();
  });
});

describe("a government-cause delay moves the thresholds from its own date on", () => {
  it("levels count from the new start; before the delay's date the original holds", async () => {
    const p = await parcelAt(officer, "supplied");
    const body = {
      version: p.version,
      cause: "政府原因未按期交地",
      docNo: "南政函〔2023〕9号",
      newAgreedStartOn: "2024-06-01",
      date: "2023-11-20",
    };
    expect((await officer.json("POST", `/api/v1/parcels/${p.id}/delays`, body)).status).toBe(200);
    expect((await asOf("2023-11-19", p.id)).item).toMatchObject({ level: "due_soon", agreedStartOn: "2023-12-01" });
    // From 2023-11-20 S = 2024-06-01: on 2023-12-01 it is 183 days ahead (Dec 31 + Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31), no level.
    expect((await asOf("2023-12-01", p.id)).item).toMatchObject({
      level: null,
      daysToGo: 183,
      agreedStartOn: "2024-06-01",
    });
    expect((await asOf("2024-06-01", p.id)).item?.level).toBe("overdue");
  });
});

describe("the API and the page", () => {
  it("a bad asOf or level is a 400; no session 401", async () => {
    for (const qs of ["asOf=2023-02-30", "level=idle"])
      expect((await officer.json("GET", `/api/v1/idle-land?${qs}`)).status).toBe(400);
    expect((await call("/api/v1/idle-land")).status).toBe(401);
  });

  it("the page filters by level and links each parcel", async () => {
    const viewer = await browser("viewer");
    const html = await (await viewer.get("/idle-land?asOf=2024-12-01&level=idle_fee")).text();
    const form = await one(html, 'form[action="/idle-land"]');
    expect(form.attrs).toMatchObject({ method: "get", "hx-push-url": "true" });
    expect(html).toContain(`href="/parcels/${id}"`);
    expect(html).toContain("476.10");
    const none = await (await viewer.get("/idle-land?asOf=2024-12-01&level=recovery")).text();
    expect(none).not.toContain(`href="/parcels/${id}"`);
  });
});
