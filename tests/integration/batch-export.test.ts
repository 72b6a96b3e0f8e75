import { read, utils } from "@e965/xlsx";
import { beforeAll, describe, expect, it } from "vitest";
import { MOVE_BODY } from "../chain-fixtures";
import { createBatch } from "../batch-fixtures";
import { call, newParcel, session } from "../helpers";

// The batch list as CSV and XLSX (issue 13 §5), against a hand-worked fixture on a fixed "today".
const TODAY = { "X-Test-Today": "2024-03-20" };
let officer: Awaited<ReturnType<typeof session>>;

type Step = [to: string, date: string];
async function parcel(batchId: number, m2: number) {
  const res = await officer.json("POST", "/api/v1/parcels", newParcel({ batchId, area: { value: m2, unit: "m2" } }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}
async function walk(id: number, steps: Step[]) {
  let version = 2; // after the batch approval's move
  for (const [to, date] of steps) {
    const body = { to, date, version: version++, ...MOVE_BODY[to as keyof typeof MOVE_BODY] };
    const r = await officer.json("POST", `/api/v1/parcels/${id}/moves`, body, TODAY);
    expect(r.status, await r.clone().text()).toBe(200);
  }
}

beforeAll(async () => {
  officer = await session("officer");
  // 甲: urban, three parcels of 2,000, 4,000 and 6,000 m², approved 2023-03-15; the 2,000 supplied, the 6,000 withdrawn.
  const a = await createBatch(officer, { name: "甲 导出批次", authority: "省政府" });
  const [a1, , a3] = [await parcel(a.id, 2000), await parcel(a.id, 4000), await parcel(a.id, 6000)];
  const approval = await officer.json(
    "POST",
    `/api/v1/batches/${a.id}/approval`,
    { docNo: "浙政土导甲", date: "2023-03-15" },
    TODAY,
  );
  expect(approval.status).toBe(200);
  await walk(a1, [
    ["acquired", "2023-05-01"],
    ["reserved", "2023-07-01"],
    ["supplied", "2023-09-01"],
  ]);
  await walk(a3, [["withdrawn", "2023-04-01"]]);
  // 乙: linked, not approved yet, one planned parcel of 1,000 m².
  const b = await createBatch(officer, { name: "乙 待批批次", kind: "linked", authority: "市政府" });
  await parcel(b.id, 1000);
});

async function download(path: string) {
  const res = await call(path, { headers: { Cookie: officer.cookie, ...TODAY } });
  expect(res.status).toBe(200);
  return res;
}

// 甲: approved 2,000 + 4,000 + 6,000 = 12,000 m² = 12,000 × 15 / 10,000 = 18 亩 = 1.2 公顷; supplied 2,000 m² = 3 亩;
// withdrawn 6,000 m² = 9 亩; unsupplied 12,000 − 2,000 − 6,000 = 4,000 m² = 6 亩; rate 2,000 ÷ (12,000 − 6,000) = 33.33%.
// Age on 2024-03-20: one year to 2024-03-15, then 5 days. 乙: 1 parcel, nothing approved, so its figures are empty.
const HEAD =
  "批次名称,批次类型,批准机关,批准文号,批准日期,批后时长,地块数,批准面积(亩),批准面积(公顷),已供应面积(亩),撤回/核减面积(亩),批而未供面积(亩),供地率(%)";
const ROW_A = "甲 导出批次,城镇批次,省政府,浙政土导甲,2023-03-15,1年5天,3,18.00,1.2000,3.00,9.00,6.00,33.33";
const ROW_B = "乙 待批批次,增减挂钩,市政府,,,,1,,,,,,";

describe("batch list export", () => {
  it("writes the list as a CSV with BOM: the batches awaiting approval first, then newest approval", async () => {
    const res = await download("/batches/export.csv");
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toContain(encodeURIComponent("农转用批次-2024-03-20.csv"));
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(`${HEAD}\r\n${ROW_B}\r\n${ROW_A}\r\n`);
  });

  it("keeps the list's filter and order: kind=urban is 甲 alone; sort=rate&dir=asc puts 乙 (no rate) first", async () => {
    const urban = await (await download("/batches/export.csv?kind=urban")).text();
    expect(urban).toBe(`${HEAD}\r\n${ROW_A}\r\n`);
    const byRate = await (await download("/batches/export.csv?sort=rate&dir=asc")).text();
    expect(byRate.split("\r\n").slice(1, 3)).toEqual([ROW_B, ROW_A]);
  });

  it("writes the same list as an XLSX: numbers as numbers with their decimals, the date as a date", async () => {
    const res = await download("/batches/export.xlsx?kind=urban");
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const wb = read(new Uint8Array(await res.arrayBuffer()), { type: "array" });
    expect(wb.SheetNames).toEqual(["农转用批次"]);
    const ws = wb.Sheets["农转用批次"];
    expect(utils.sheet_to_json<string[]>(ws, { header: 1, raw: false })).toEqual([HEAD.split(","), ROW_A.split(",")]);
    // The figures are numbers (Excel sums them), the date a serial: 2023-03-15 is 45,000 days after 1899-12-30
    // (45,000 − 44,927 for 2023-01-01 = 73 = 31 + 28 + 14 → March 15th).
    expect([ws.E2.t, ws.E2.v, ws.H2.t, ws.H2.v, ws.M2.t, ws.M2.v]).toEqual(["n", 45000, "n", 18, "n", 33.33]);
  });

  it("an export with nothing to list is the header row alone, in either format", async () => {
    expect(await (await download("/batches/export.csv?year=1990")).text()).toBe(`${HEAD}\r\n`);
    const wb = read(new Uint8Array(await (await download("/batches/export.xlsx?year=1990")).arrayBuffer()));
    expect(utils.sheet_to_json<string[]>(wb.Sheets["农转用批次"], { header: 1 })).toEqual([HEAD.split(",")]);
  });

  it("a viewer may export; no session is sent to log in; a bad filter is a 400", async () => {
    const viewer = await session("viewer");
    for (const ext of ["csv", "xlsx"]) {
      expect((await call(`/batches/export.${ext}`, { headers: { Cookie: viewer.cookie } })).status).toBe(200);
      expect((await call(`/batches/export.${ext}`, { redirect: "manual" })).status).toBe(303);
      expect((await call(`/batches/export.${ext}?kind=nonsense`, { headers: { Cookie: viewer.cookie } })).status).toBe(
        400,
      );
    }
  });
});
