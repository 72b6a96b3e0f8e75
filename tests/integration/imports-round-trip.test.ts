import { applyD1Migrations, createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { read, utils } from "@e965/xlsx";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { hashPassword } from "../../src/domain/password";
import { DEMO_DEFAULTS, generateSeed } from "../../scripts/seed/generate";
import { seedStatements } from "../../scripts/seed/sql";
import { BASE, PASSWORD } from "../helpers";

// Issue 13's round trip: the demo district (360 parcels over 2018–2023, batches, withdrawals) exported, imported
// into a second, empty D1 (migrated, no data) by the same Worker code, and exported again.

type Db = { DB: D1Database };
const original: Db = { DB: env.DB };
const copy: Db = { DB: env.LEDGER_COPY };

async function send(db: Db, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(BASE + path, init), { ...env, ...db }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

async function loginTo(db: Db, username: string, password: string): Promise<string> {
  const res = await send(db, "/api/v1/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return res.headers.get("Set-Cookie")!.split(";")[0];
}

async function download(db: Db, cookie: string, path: string): Promise<Uint8Array> {
  const res = await send(db, path, { headers: { Cookie: cookie } });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

async function importInto(db: Db, cookie: string, bytes: Uint8Array, name: string) {
  const fd = new FormData();
  fd.append("file", new File([bytes], name));
  const headers = { Cookie: cookie, Origin: BASE };
  const dry = await send(db, "/import", { method: "POST", redirect: "manual", headers, body: fd });
  const html = await dry.text();
  expect(dry.status, html.slice(0, 2000)).toBe(200);
  const id = /action="\/import\/(\d+)\/commit"/.exec(html)?.[1];
  expect(id, "the dry run found no problem and offers the commit").toBeDefined();
  const commit = await send(db, `/import/${id}/commit`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: "version=1",
  });
  expect(commit.status).toBe(303);
}

type Figures = Record<string, unknown> & {
  byBatch: { batchId: number; name: string }[];
  workList: { id: number; batchId: number }[];
};

/** The as-of figures that must not change, without the database's own ids (and the targets only the demo has). */
async function figures(db: Db, cookie: string, asOf: string) {
  const res = await send(db, `/api/v1/digestion?asOf=${asOf}&limit=200`, { headers: { Cookie: cookie } });
  expect(res.status).toBe(200);
  const f = (await res.json()) as Figures;
  return {
    stockAtYearStart: f.stockAtYearStart,
    digested: f.digested,
    stockNow: f.stockNow,
    byAge: f.byAge,
    byTown: f.byTown,
    byBatch: f.byBatch.map(({ batchId: _, ...b }) => b).sort((a, b) => a.name.localeCompare(b.name)),
    workList: f.workList.map(({ id: _i, batchId: _b, ...p }) => p),
  };
}

let officer: string;
let copyOfficer: string;

beforeAll(async () => {
  const data = generateSeed({ ...DEMO_DEFAULTS, passwordHash: await hashPassword("nanhu-demo") });
  await env.DB.batch(seedStatements(data).map((s) => env.DB.prepare(s)));
  officer = await loginTo(original, "officer", "nanhu-demo");
  await applyD1Migrations(env.LEDGER_COPY, env.TEST_MIGRATIONS);
  await env.LEDGER_COPY.prepare(
    "INSERT INTO users (username, display_name, role, password_hash) VALUES ('copy.officer', '副本经办', 'officer', ?)",
  )
    .bind(await hashPassword(PASSWORD))
    .run();
  copyOfficer = await loginTo(copy, "copy.officer", PASSWORD);
});

describe("ledger round trip through an empty D1", () => {
  it("export (XLSX) → import into the empty D1 → export (CSV) equals the original's CSV; the past figures agree", async () => {
    const csvBefore = new TextDecoder().decode(await download(original, officer, "/parcels/export.csv"));
    // 360 demo parcels and the header line, each ending in CRLF.
    expect(csvBefore.split("\r\n").length).toBe(360 + 1 + 1);
    // Two past days of the demo's half-year (anchor 2023-06-30): the year's end before, and a quarter's end.
    const days = ["2022-12-31", "2023-03-31"];
    const before = await Promise.all(days.map((d) => figures(original, officer, d)));
    // The figures are not empty: the demo holds approved land unsupplied on both days.
    for (const f of before) expect((f.stockNow as { count: number }).count).toBeGreaterThan(0);

    const xlsx = await download(original, officer, "/parcels/export.xlsx");
    await importInto(copy, copyOfficer, xlsx, "地块台账.xlsx");

    const csvAfter = new TextDecoder().decode(await download(copy, copyOfficer, "/parcels/export.csv"));
    expect(csvAfter).toBe(csvBefore);
    const after = await Promise.all(days.map((d) => figures(copy, copyOfficer, d)));
    expect(after).toEqual(before);
  });

  it("the XLSX is the CSV cell for cell: numbers as numbers, dates as real dates, the header row frozen", async () => {
    const csv = new TextDecoder().decode(await download(original, officer, "/parcels/export.csv"));
    const bytes = await download(original, officer, "/parcels/export.xlsx");
    const sheetXml = new TextDecoder().decode(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    const wb = read(bytes, { type: "array" });
    expect(wb.SheetNames).toEqual(["地块台账"]);
    const ws = wb.Sheets["地块台账"];
    const rows = utils.sheet_to_json<(string | number)[]>(ws, { header: 1, raw: true, defval: "" });
    // TextDecoder has already dropped the BOM. No demo value holds a comma, so a plain split reads the CSV.
    const csvRows = csv
      .trim()
      .split("\r\n")
      .map((l) => l.split(","));
    expect(rows.length).toBe(csvRows.length);
    expect(rows[0]).toEqual(csvRows[0]);
    // Columns K, M, O, T, U, V, X, Y, AB (批准日期 … 撤回日期) are dates; E, F, G (areas) and S (成交价) numbers.
    const dates = new Set([10, 12, 14, 19, 20, 21, 23, 24, 27]);
    const numbers = new Set([4, 5, 6, 18]);
    const daysFrom1899 = (iso: string) => (Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000;
    for (let r = 1; r < rows.length; r++)
      csvRows[r].forEach((text, c) => {
        const want = text === "" ? "" : dates.has(c) ? daysFrom1899(text) : numbers.has(c) ? Number(text) : text;
        expect([r, c, rows[r][c]]).toEqual([r, c, want]);
      });
    // A date cell is a number shown as the date itself (the workbook's yyyy-mm-dd style), as Excel shows it.
    const k = csvRows.findIndex((row, i) => i > 0 && row[10] !== "");
    expect(ws[`K${k + 1}`]).toMatchObject({ t: "n", w: csvRows[k][10] });
  });
});
