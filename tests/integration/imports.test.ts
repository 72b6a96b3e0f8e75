import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../src/db/client";
import { publish } from "../../src/imports/writes";
import { BASE, call, count, session } from "../helpers";
import { select } from "../html";
import { ledgerCsvGbk, ledgerCsvUtf8Bom, ledgerXlsxSerialDates } from "../fixtures/ledger-files";

const TODAY = "2023-06-30";

type Who = Awaited<ReturnType<typeof session>>;

/** Posts a file (and form fields) as the browser's upload form does: multipart, same origin. */
function upload(who: Who | null, bytes: Uint8Array, name: string, fields: Record<string, string> = {}) {
  const fd = new FormData();
  fd.append("file", new File([bytes], name));
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return call("/import", {
    method: "POST",
    redirect: "manual",
    headers: { ...(who ? { Cookie: who.cookie } : {}), Origin: BASE, "X-Test-Today": TODAY },
    body: fd,
  });
}

function post(who: Who | null, path: string, fields: Record<string, string>) {
  return call(path, {
    method: "POST",
    redirect: "manual",
    headers: {
      ...(who ? { Cookie: who.cookie } : {}),
      Origin: BASE,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Test-Today": TODAY,
    },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Everything an import could write: parcels, events, batches, the staging tables. */
async function footprint() {
  const q = async (s: string) => (await env.DB.prepare(s).all()).results;
  return {
    parcels: await q("SELECT * FROM parcels ORDER BY id"),
    events: await q("SELECT * FROM parcel_events ORDER BY id"),
    batches: await q("SELECT * FROM batches ORDER BY id"),
    batchTotals: await q("SELECT * FROM batch_totals ORDER BY batch_id"),
    chainTotals: await q("SELECT * FROM chain_totals ORDER BY state"),
    // The other summaries kept by triggers on parcels: an undo must leave each as it was.
    stock: await q("SELECT * FROM digestion_stock ORDER BY left_on, approved_on, town, batch_id"),
    tallies: await q(
      "SELECT * FROM parcel_tallies WHERE count <> 0 OR area_m2 <> 0 ORDER BY state, town, land_use, batch_key, approval_year",
    ),
    grams: await q("SELECT * FROM gram_counts WHERE n > 0 ORDER BY gram"),
    rows: await q("SELECT * FROM import_rows ORDER BY import_id, row_no"),
  };
}

const lastImport = () =>
  env.DB.prepare("SELECT * FROM imports ORDER BY id DESC LIMIT 1").first<{
    id: number;
    status: string;
    version: number;
    row_count: number;
    encoding: string | null;
    sheet: string | null;
  }>();

async function commitLast(who: Who) {
  const imp = (await lastImport())!;
  const res = await post(who, `/import/${imp.id}/commit`, { version: String(imp.version) });
  return { res, id: imp.id };
}

describe("台账导入: dry run, commit, undo", () => {
  it("a UTF-8 CSV with BOM: the dry run writes no parcel; commit rebuilds each chain; undo removes exactly it", async () => {
    const officer = await session("officer");
    const before = await footprint();
    const dry = await upload(officer, ledgerCsvUtf8Bom(), "台账.csv");
    expect(dry.status).toBe(200);
    const page = await dry.text();
    expect((await select(page, "form[action$='/commit'] button")).length).toBe(1);
    // Staged only: the log row and its rows, nothing the rest of the app reads.
    const staged = (await footprint()).rows.length;
    expect(staged).toBe(3);
    expect({ ...(await footprint()), rows: [] }).toEqual({ ...before, rows: [] });
    expect(await lastImport()).toMatchObject({ status: "staged", row_count: 3, encoding: "utf-8" });

    const { res, id } = await commitLast(officer);
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/import?done=${id}`);
    const rows = await env.DB.prepare(
      `SELECT code, state, area_m2, version, approved_on, approval_doc_no, import_id, batch_id FROM parcels
       WHERE code IN ('GB00314','00315','GB00316') ORDER BY code`,
    ).all();
    // 25.5 亩 = 25.5 × 10,000 / 15 = 17,000 m²; 1,250.50 亩 = 12,505,000 / 15 = 833,666.67 → 833,667 m²;
    // 8 亩 = 80,000 / 15 = 5,333.33 → 5,333 m².
    expect(rows.results.map((r) => [r.code, r.state, r.area_m2, r.version, r.approved_on])).toEqual([
      ["00315", "planned", 833667, 1, null],
      ["GB00314", "approved", 17000, 2, "2023-05-06"],
      ["GB00316", "planned", 5333, 1, null],
    ]);
    expect(rows.results.every((r) => r.import_id === id)).toBe(true);
    // The approval is an event like a move through the form, dated as the ledger says, marked with the import.
    const events = await env.DB.prepare(
      `SELECT e.kind, e.from_state, e.to_state, e."on", e.version, e.import_id, json_extract(e.data, '$.docNo') AS doc
       FROM parcel_events e JOIN parcels p ON p.id = e.parcel_id WHERE p.import_id = ?`,
    )
      .bind(id)
      .all();
    expect(events.results).toEqual([
      {
        kind: "move",
        from_state: "planned",
        to_state: "approved",
        on: "2023-05-06",
        version: 2,
        import_id: id,
        doc: "浙政土〔2023〕12号",
      },
    ]);
    // The batch the ledger names was created with the approval's doc no. and date.
    const batch = await env.DB.prepare("SELECT * FROM batches WHERE import_id = ?").bind(id).first();
    expect(batch).toMatchObject({
      name: "2023年度第1批次",
      kind: "urban",
      doc_no: "浙政土〔2023〕12号",
      approved_on: "2023-05-06",
    });
    expect(rows.results.find((r) => r.code === "GB00314")!.batch_id).toBe(batch!.id);
    // The summaries follow by trigger: the batch holds 17,000 m² approved.
    const totals = await env.DB.prepare("SELECT * FROM batch_totals WHERE batch_id = ?").bind(batch!.id).first();
    expect(totals).toMatchObject({ parcel_count: 1, approved_m2: 17000 });
    expect(await count("import_rows", "import_id = ?", id)).toBe(0);

    // The log shows it, with an undo button; undo removes exactly the import's parcels, events and batch.
    const log = await (await call("/import", { headers: { Cookie: officer.cookie } })).text();
    expect((await select(log, `form[action='/import/${id}/undo'] button`)).length).toBe(1);
    const imp = (await lastImport())!;
    const undone = await post(officer, `/import/${id}/undo`, { version: String(imp.version) });
    expect(undone.status).toBe(303);
    expect({ ...(await footprint()), rows: [] }).toEqual({ ...before, rows: [] });
    expect(await lastImport()).toMatchObject({ id, status: "undone" });
  });

  it("a GBK CSV and an XLSX with dates as Excel serials both import, giving the same parcels", async () => {
    const officer = await session("officer");
    for (const [bytes, name, read] of [
      [ledgerCsvGbk(), "台账-gbk.csv", { encoding: "gb18030", sheet: null }],
      [ledgerXlsxSerialDates(), "台账.xlsx", { encoding: null, sheet: "地块台账" }],
    ] as const) {
      const dry = await upload(officer, bytes, name);
      expect(dry.status, name).toBe(200);
      expect(await lastImport()).toMatchObject(read);
      const { res, id } = await commitLast(officer);
      expect(res.status).toBe(303);
      const got = await env.DB.prepare(
        "SELECT code, name, state, area_m2, approved_on FROM parcels WHERE import_id = ? ORDER BY code",
      )
        .bind(id)
        .all();
      expect(got.results).toEqual([
        { code: "00315", name: "新丰镇“竹林”地块, 东区", state: "planned", area_m2: 833667, approved_on: null },
        {
          code: "GB00314",
          name: "城南街道南溪路以北地块",
          state: "approved",
          area_m2: 17000,
          approved_on: "2023-05-06",
        },
        { code: "GB00316", name: "凤桥镇三星村地块", state: "planned", area_m2: 5333, approved_on: null },
      ]);
      const imp = (await lastImport())!;
      expect((await post(officer, `/import/${id}/undo`, { version: String(imp.version) })).status).toBe(303);
    }
  });

  it("a file with 4 bad rows writes nothing and reports exactly those rows and columns, as a page and a CSV", async () => {
    const officer = await session("officer");
    const head = "宗地编号,地块名称,镇(街道),土地用途,面积(亩),土地来源,批准文号,批准日期";
    const good = (i: number) => `BAD-${i},南湖地块${i},凤桥镇,工业用地,10,集体,,`;
    const lines = [head, good(1), good(2), good(3), good(4), good(5), good(6), good(7)];
    lines[2] = "BAD-2,南湖地块2,凤桥镇,菜地,10,集体,,"; // row 3: land use
    lines[4] = "BAD-4,南湖地块4,凤桥镇,工业用地,10,集体,浙土〔2023〕1号,2023/2/30"; // row 5: no such date
    lines[7] = "BAD-1,南湖地块7,凤桥镇,工业用地,10,集体,,"; // row 8: code of row 2 again
    lines[6] = "BAD-6,南湖地块6,凤桥,工业用地,10,集体,,"; // row 7: a town not on the list (凤桥镇 is)
    const before = await footprint();
    const res = await upload(officer, new TextEncoder().encode(lines.join("\n")), "bad.csv");
    expect(res.status).toBe(422);
    const page = await res.text();
    const cells = (await select(page, "table.import-problems tbody td")).map((c) => c.text.trim());
    expect(cells).toEqual([
      "3",
      "土地用途",
      "菜地",
      "土地用途无法识别：菜地（可填：商服用地、工矿仓储用地、住宅用地、公共管理与公共服务用地、交通运输用地、水域及水利设施用地、特殊用地、其他）",
      "5",
      "批准日期",
      "2023/2/30",
      "日期无效，应为 YYYY-MM-DD 的真实日期",
      "7",
      "镇(街道)",
      "凤桥",
      "没有名为“凤桥”的镇/街道，请从名单中选择：长水街道、城南街道、大桥镇、东栅街道、凤桥镇、建设街道、解放街道、南湖街道、七星街道、新丰镇、新嘉街道、新兴街道、余新镇",
      "8",
      "宗地编号",
      "BAD-1",
      "宗地编号与第 2 行重复",
    ]);
    expect(await footprint()).toEqual(before);
    const imp = (await lastImport())!;
    expect(imp.status).toBe("refused");
    const csv = await call(`/import/${imp.id}/report.csv`, { headers: { Cookie: officer.cookie } });
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.trim().split("\r\n")).toEqual([
      "行号,列,单元格内容,问题",
      "3,土地用途,菜地,土地用途无法识别：菜地（可填：商服用地、工矿仓储用地、住宅用地、公共管理与公共服务用地、交通运输用地、水域及水利设施用地、特殊用地、其他）",
      "5,批准日期,2023/2/30,日期无效，应为 YYYY-MM-DD 的真实日期",
      "7,镇(街道),凤桥,没有名为“凤桥”的镇/街道，请从名单中选择：长水街道、城南街道、大桥镇、东栅街道、凤桥镇、建设街道、解放街道、南湖街道、七星街道、新丰镇、新嘉街道、新兴街道、余新镇",
      "8,宗地编号,BAD-1,宗地编号与第 2 行重复",
    ]);
  });

  it("refuses an implausible area as the form does, naming the column it was typed in", async () => {
    const officer = await session("officer");
    const head = "宗地编号,地块名称,镇(街道),土地用途,面积(公顷),面积(亩),土地来源";
    const lines = [
      head,
      // Row 2: 99,999 公顷 = 99,999 × 15 = 1,499,985 亩 = 999,990,000 m²: over 1,500 公顷 (a unit typed wrong)
      // and over the district's ceiling of 500 公顷 (wrangler.toml) — both reported on 面积(公顷).
      "AREA-1,南湖地块1,凤桥镇,工业用地,99999,,集体",
      // Row 3: 600 公顷 = 9,000 亩 = 6,000,000 m²: only over the 500 公顷 ceiling, reported on 面积(亩), the one filled.
      "AREA-2,南湖地块2,凤桥镇,工业用地,,9000,集体",
      // Row 4: 500 公顷 exactly is the ceiling itself, not over it: no problem.
      "AREA-3,南湖地块3,凤桥镇,工业用地,500,,集体",
    ];
    const before = await footprint();
    const res = await upload(officer, new TextEncoder().encode(lines.join("\n")), "areas.csv");
    expect(res.status).toBe(422);
    const rows = (await select(await res.text(), "table.import-problems tbody tr")).map((r) => r.text);
    expect(rows.length).toBe(3);
    expect(rows[0]).toContain("99,999 公顷 = 1,499,985 亩 = 999,990,000 平方米");
    expect(rows[0]).toContain("超过 1,500 公顷，可能填错了单位");
    expect(rows[1]).toContain("超过全区单个地块上限（500 公顷 = 7,500 亩 = 5,000,000 平方米）");
    expect(rows[2]).toMatch(
      /^\s*3\s*面积\(亩\)\s*9000\s*面积 9,000 亩 = 600 公顷 = 6,000,000 平方米，超过全区单个地块上限/,
    );
    expect(await footprint()).toEqual(before);
  });

  it("a failure between staging and publishing leaves no parcel, event or batch behind", async () => {
    const officer = await session("officer");
    const before = await footprint();
    expect((await upload(officer, ledgerCsvUtf8Bom(), "台账.csv")).status).toBe(200);
    const imp = (await lastImport())!;
    const staged = await footprint();
    // A statement that fails after the batch and the parcels went in, before the events.
    const actor = {
      user: { id: officer.id, username: officer.username, displayName: "x", role: "officer" as const },
      today: TODAY,
      now: "2023-06-30T02:00:00.000Z",
    };
    await expect(
      publish(getDb(env), imp.id, imp.version, actor, [sql`INSERT INTO write_guards (ok) VALUES (0)`]),
    ).resolves.toEqual({
      ok: false,
      status: 409,
      error: "version_conflict",
    });
    expect(await footprint()).toEqual(staged);
    expect(await lastImport()).toMatchObject({ id: imp.id, status: "staged" });
    expect({ ...staged, rows: [] }).toEqual({ ...before, rows: [] });
    // The same staged import then commits, and is undone again.
    expect((await commitLast(officer)).res.status).toBe(303);
    const done = (await lastImport())!;
    expect((await post(officer, `/import/${done.id}/undo`, { version: String(done.version) })).status).toBe(303);
  });

  it("undo is refused, changing nothing, once one of the import's parcels moved; a stale version is a 409", async () => {
    const officer = await session("officer");
    expect((await upload(officer, ledgerCsvUtf8Bom(), "台账.csv")).status).toBe(200);
    const { id } = await commitLast(officer);
    const p = await env.DB.prepare("SELECT id, version FROM parcels WHERE code = 'GB00316'").first<{
      id: number;
      version: number;
    }>();
    const moved = await officer.json(
      "POST",
      `/api/v1/parcels/${p!.id}/moves`,
      { to: "approved", date: "2023-06-01", version: p!.version, docNo: "浙政土〔2023〕30号" },
      { "X-Test-Today": TODAY },
    );
    expect(moved.status).toBe(200);
    const imp = (await lastImport())!;
    const before = await footprint();
    const refused = await post(officer, `/import/${id}/undo`, { version: String(imp.version) });
    expect(refused.status).toBe(409);
    const items = (await select(await refused.text(), ".notice.error li a")).map((a) => a.text);
    expect(items).toEqual(["GB00316"]);
    expect(await footprint()).toEqual(before);
    expect(await lastImport()).toMatchObject({ id, status: "published", version: imp.version });
    // A stale version (the one before the commit): 409, nothing changed.
    expect((await post(officer, `/import/${id}/undo`, { version: String(imp.version - 1) })).status).toBe(409);
    expect((await post(officer, `/import/${id}/commit`, { version: "1" })).status).toBe(409);
    expect(await footprint()).toEqual(before);
  });

  it("a file whose headers it does not know asks for a mapping, and remembers it for the next file", async () => {
    const officer = await session("officer");
    const csv = (code: string) =>
      new TextEncoder().encode(
        `编号,名称,所在乡镇,用途,面积(亩),来源,说明\n${code},南湖地块,凤桥镇,工业用地,3,集体,备注\n`,
      );
    const first = await upload(officer, csv("MAP-1"), "m.csv");
    expect(first.status).toBe(422);
    const page = await first.text();
    // One select per column, the recognised ones chosen already.
    expect((await select(page, "select[name^='map.']")).length).toBe(7);
    expect((await select(page, "select[name='map.3'] option[selected]"))[0].attrs.value).toBe("landUse");
    const mapped = await upload(officer, csv("MAP-1"), "m.csv", {
      "map.0": "code",
      "map.1": "name",
      "map.2": "town",
      "map.6": "",
      remember: "1",
    });
    expect(mapped.status).toBe(200);
    // Next time, the same headers need no mapping step.
    expect((await upload(officer, csv("MAP-2"), "m2.csv")).status).toBe(200);
  });

  it("refuses what is not a ledger with a Chinese message, and an upload over the limit with 413", async () => {
    const officer = await session("officer");
    const before = await footprint();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const notLedger = await upload(officer, png, "photo.png");
    expect(notLedger.status).toBe(422);
    expect((await select(await notLedger.text(), ".notice.error"))[0].text).toContain("只能导入 XLSX 或 CSV 文件");
    const big = await upload(officer, new Uint8Array(9 * 1024 * 1024).fill(0x41), "big.csv");
    expect(big.status).toBe(413);
    expect(await footprint()).toEqual(before);
  });

  it("is for officers and admins: a viewer or lead gets 403, no session 401, nothing written", async () => {
    const before = await footprint();
    for (const role of ["viewer", "lead"] as const) {
      const who = await session(role);
      expect((await call("/import", { headers: { Cookie: who.cookie }, redirect: "manual" })).status).toBe(403);
      expect((await upload(who, ledgerCsvUtf8Bom(), "台账.csv")).status).toBe(403);
    }
    // Without a session a browser is sent to the login page (the policy's 401 for pages).
    const anon = await upload(null, ledgerCsvUtf8Bom(), "台账.csv");
    expect(anon.status).toBe(303);
    expect(anon.headers.get("Location")).toBe("/login?next=%2Fimport");
    expect((await call("/import", { redirect: "manual" })).headers.get("Location")).toBe("/login?next=%2Fimport");
    expect(await footprint()).toEqual(before);
  });
});
