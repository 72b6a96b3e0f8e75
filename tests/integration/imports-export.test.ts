import { describe, expect, it } from "vitest";
import { BASE, call, session } from "../helpers";
import { largeLedger, toCsv } from "../fixtures/ledger-large";

type Who = Awaited<ReturnType<typeof session>>;
const TODAY = "2024-06-30";

async function importCsv(who: Who, text: string) {
  const fd = new FormData();
  fd.append("file", new File([new TextEncoder().encode(text)], "ledger.csv"));
  const headers = { Cookie: who.cookie, Origin: BASE, "X-Test-Today": TODAY };
  const dry = await call("/import", { method: "POST", redirect: "manual", headers, body: fd });
  expect(dry.status).toBe(200);
  const id = /action="\/import\/(\d+)\/commit"/.exec(await dry.text())![1];
  const commit = await call(`/import/${id}/commit`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: "version=1",
  });
  expect(commit.status).toBe(303);
}

async function exportCsv(who: Who, q: string) {
  const res = await call(`/parcels/export.csv?q=${encodeURIComponent(q)}`, { headers: { Cookie: who.cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes);
}

describe("ledger export and import", () => {
  it("export → import → export gives the same file (but for the codes renamed to tell the copies apart)", async () => {
    const officer = await session("officer");
    // 25 parcels over every stage the chain reaches: planned, approved, acquired, reserved, supplied, started.
    await importCsv(officer, toCsv(largeLedger(25, [], "RTA")));
    const first = await exportCsv(officer, "RTA");
    const lines = first.trim().split("\r\n");
    expect(lines.length).toBe(26);
    // The header row is the import's own: what the export writes, the import reads.
    expect(
      lines[0].startsWith("宗地编号,地块名称/坐落,镇(街道),土地用途,面积(亩),面积(公顷),面积(平方米),土地来源"),
    ).toBe(true);
    // Row 5: land use USES[5 % 4] = 住宅用地; area 5 + (5 % 40) + 0.25 = 10.25 亩 = 102,500 / 15 = 6,833.33 → 6,833 m²,
    // shown again as 6,833 × 15 / 10,000 = 10.2495 → 10.25 亩 and 0.6833 公顷.
    const row5 = lines.find((l) => l.startsWith("RTA000005,"))!;
    expect(row5.split(",").slice(3, 8)).toEqual(["住宅用地", "10.25", "0.6833", "6833", "集体"]);

    await importCsv(officer, first.replaceAll("RTA", "RTB"));
    const second = await exportCsv(officer, "RTB");
    expect(second.replaceAll("RTB", "RTA")).toBe(first);
  });

  it("a viewer may export; no session is sent to log in; a bad filter is a 400", async () => {
    const viewer = await session("viewer");
    expect((await call("/parcels/export.csv", { headers: { Cookie: viewer.cookie } })).status).toBe(200);
    expect((await call("/parcels/export.csv", { redirect: "manual" })).status).toBe(303);
    expect((await call("/parcels/export.csv?state=nonsense", { headers: { Cookie: viewer.cookie } })).status).toBe(400);
  });
});
