import { CFB, read, utils } from "@e965/xlsx";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../helpers";
import { select } from "../html";
import { buildFixture, clientAs, WEEK, type Client } from "../review-fixtures";

// The fixture week's downloads read back: the CSV and every XLSX sheet carry exactly the page's tables.
const TODAY = "2034-03-15";
let viewer: Client;
let html: string;

beforeAll(async () => {
  await buildFixture((await clientAs("admin", TODAY)).json);
  viewer = (await clientAs("viewer", TODAY)).json;
  html = await (await viewer("GET", `/reviews/weekly?week=${WEEK}`)).text();
});

/** The page's tables by id: caption, header cells and body rows as text. */
async function pageTables() {
  const ids = (await select(html, "table[data-table]")).map((t) => t.attrs["data-table"]);
  const out = new Map<string, { caption: string; head: string[]; rows: string[][] }>();
  for (const id of ids) {
    const head = (await select(html, `#rev-${id} thead th`)).map((e) => e.text);
    const cells = (await select(html, `#rev-${id} tbody td`)).map((e) => e.text);
    const rows: string[][] = [];
    for (let i = 0; i < cells.length; i += head.length) rows.push(cells.slice(i, i + head.length));
    out.set(id, { caption: (await select(html, `#rev-${id} caption`))[0].text, head, rows });
  }
  return out;
}

/** Minimal RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(cell), (cell = ""));
    else if (ch === "\r" && text[i + 1] === "\n") (row.push(cell), rows.push(row), (row = []), (cell = ""), i++);
    else cell += ch;
  }
  return rows;
}

describe("weekly review exports", () => {
  it("the CSV starts with the UTF-8 BOM and holds every table of the page, cell for cell", async () => {
    const r = await viewer("GET", `/reviews/weekly/export.csv?week=${WEEK}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(r.headers.get("Content-Disposition")).toContain("attachment");
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(rows[0][0]).toBe("2034-W10 周进度晾晒（2034-03-06 至 2034-03-12）");
    const tables = await pageTables();
    expect(tables.size).toBe(11);
    for (const [, t] of tables) {
      // Each section: its name, its header, its rows (as many as on the page, or none), a blank line.
      const at = rows.findIndex((r) => r.length === 1 && r[0] === t.caption);
      expect(at, t.caption).toBeGreaterThan(0);
      expect(rows[at + 1]).toEqual(t.head);
      const body = rows.slice(at + 2, at + 2 + t.rows.length);
      expect(body, t.caption).toEqual(t.rows);
    }
    // Spot check by hand: the started row of the chain, C's late withdrawal.
    expect(rows).toContainEqual(["已开工", "1", "3.00", "0", "0.00", "1", "3.00"]);
    expect(rows.find((r) => r[3] === "已撤回/核减" && r[4] === "2034-02-20")?.[8]).toBe("补录");
  });

  it("the XLSX has one sheet per section with Chinese names, numbers as numbers, dates as dates, a frozen header", async () => {
    const r = await viewer("GET", `/reviews/weekly/export.xlsx?week=${WEEK}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const bytes = new Uint8Array(await r.arrayBuffer());
    const wb = read(bytes, { type: "array", cellNF: true });
    const tables = await pageTables();
    expect(wb.SheetNames).toEqual([...tables.values()].map((t) => t.caption));
    for (const [, t] of tables) {
      const ws = wb.Sheets[t.caption];
      // The formatted text of every cell (w) is what the page shows; the header is the page's header.
      const shown = utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: "—" });
      expect(shown[0]).toEqual(t.head);
      expect(shown.slice(1).map((row) => row.map((v) => (v === "" ? "" : v)))).toEqual(t.rows);
    }
    const chain = wb.Sheets["地块链条"];
    // 已开工 is the 7th state (row 7 of the sheet, after the header): count 1 as a number, area 3 亩 shown 3.00.
    expect([chain.B7.t, chain.B7.v, chain.C7.t, chain.C7.v, chain.C7.z]).toEqual(["n", 1, "n", 3, "0.00"]);
    const moves = wb.Sheets["本周变更"];
    // The first move's date (A acquired 2034-03-07) is a date cell: serial days since 1899-12-30 with a date format.
    expect([moves.E2.t, moves.E2.z, moves.E2.w]).toEqual(["n", "yyyy-mm-dd", "2034-03-07"]);
    expect(moves.E2.v).toBe(49010); // 2034-03-07 − 1899-12-30 = 49,010 days
    // Every sheet's XML freezes its first row.
    const zip = CFB.read(bytes, { type: "array" });
    const sheets = zip.FullPaths.filter((p: string) => /worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets).toHaveLength(11);
    for (const p of sheets) {
      const xml = new TextDecoder().decode(CFB.find(zip, p).content);
      expect(xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    }
  });

  it("without a session the API answers 401 and the downloads send the browser to log in; a bad week is a 400", async () => {
    const api = await call(`/api/v1/reviews/weekly?week=${WEEK}`);
    expect(api.status).toBe(401);
    for (const path of ["/reviews/weekly/export.csv", "/reviews/weekly/export.xlsx", "/reviews/weekly"]) {
      // Browser routes answer an anonymous request as every page here does: 303 to the login page, no data.
      const r = await call(`${path}?week=${WEEK}`, { redirect: "manual" });
      expect([r.status, r.headers.get("Location")], path).toEqual([
        303,
        `/login?next=${encodeURIComponent(`${path}?week=${WEEK}`)}`,
      ]);
    }
    expect((await viewer("GET", "/reviews/weekly/export.xlsx?week=2034-W99")).status).toBe(400);
    expect((await viewer("GET", "/reviews/weekly/export.csv?week=bad")).status).toBe(400);
  });
});
