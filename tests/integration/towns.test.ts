import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, count, newParcel, parcelRow, session } from "../helpers";
import { select } from "../html";
import { browser, expectFieldError } from "./parcel-pages-helpers";

type Town = { id: number; name: string; retired: boolean; version: number };
type Problem = { error: string; issues: { path: string; code: string; message: string }[] };

// The migration's list (migrations/0022_towns.sql), in pinyin order worked out by hand from each name's reading:
// cháng shuǐ, chéng nán, dà qiáo, dōng zhà, fèng qiáo, jiàn shè, jiě fàng, nán hú, qī xīng, xīn fēng, xīn jiā,
// xīn xīng, yú xīn (chang < cheng at the third letter; the three 新 towns by their second syllable).
const SEEDED = [
  "长水街道",
  "城南街道",
  "大桥镇",
  "东栅街道",
  "凤桥镇",
  "建设街道",
  "解放街道",
  "南湖街道",
  "七星街道",
  "新丰镇",
  "新嘉街道",
  "新兴街道",
  "余新镇",
];

const unique = (stem: string) => `${stem}${crypto.randomUUID().slice(0, 6)}街道`;
const tables = async () => [await count("towns"), await count("town_history")];

async function addTown(admin: Awaited<ReturnType<typeof session>>, name = unique("测试")) {
  const r = await admin.json("POST", "/api/v1/towns", { name });
  expect(r.status).toBe(201);
  return (await r.json()) as Town;
}

describe("GET /api/v1/towns", () => {
  it("lists the district's towns and streets in pinyin order to any signed-in user, and none to a stranger", async () => {
    const viewer = await session("viewer");
    const r = await viewer.json("GET", "/api/v1/towns");
    expect(r.status).toBe(200);
    const { items } = (await r.json()) as { items: Town[] };
    expect(items.map((t) => t.name).filter((n) => SEEDED.includes(n))).toEqual(SEEDED);
    expect(items.find((t) => t.name === "凤桥镇")).toMatchObject({ retired: false, version: 1 });
    expect((await call("/api/v1/towns")).status).toBe(401);
  });
});

describe("POST /api/v1/towns (an admin adds a town)", () => {
  it("adds it active, with a history row naming the admin; it is then accepted on a parcel", async () => {
    const admin = await session("admin");
    const name = unique("湘家荡");
    const r = await admin.json("POST", "/api/v1/towns", { name: `  ${name} ` });
    expect(r.status).toBe(201);
    const town = (await r.json()) as Town;
    expect(town).toMatchObject({ name, retired: false, version: 1 });
    expect(await count("town_history", "town_id = ? AND action = 'add' AND actor_id = ?", town.id, admin.id)).toBe(1);
    const officer = await session("officer");
    expect((await officer.json("POST", "/api/v1/parcels", newParcel({ town: name }))).status).toBe(201);
  });

  it("refuses a blank name and a name on the list (422), a non-admin (403), no session (401); nothing written", async () => {
    const admin = await session("admin");
    const before = await tables();
    for (const [body, code] of [
      [{ name: "   " }, "required"],
      [{}, "required"],
      [{ name: "凤桥镇" }, "town_exists"],
      [{ name: "X".repeat(51) }, "too_long"],
    ] as const) {
      const r = await admin.json("POST", "/api/v1/towns", body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(((await r.json()) as Problem).issues[0]).toMatchObject({ path: "name", code });
    }
    const officer = await session("officer");
    expect((await officer.json("POST", "/api/v1/towns", { name: unique("甲") })).status).toBe(403);
    const anon = await call("/api/v1/towns", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: unique("乙") }),
    });
    expect(anon.status).toBe(401);
    expect(await tables()).toEqual(before);
  });
});

describe("PATCH /api/v1/towns/:id", () => {
  it("renames a town onto its parcels and projects, keeps the old name in the history, and guards the version", async () => {
    const admin = await session("admin");
    const officer = await session("officer");
    const town = await addTown(admin);
    const created = await officer.json("POST", "/api/v1/parcels", newParcel({ town: town.name }));
    const p = (await created.json()) as { id: number; version: number };
    await env.DB.prepare(
      `INSERT INTO projects (name, owner, category, leader, department, town, target_start_on, target_completion_on,
        baseline_plan, created_by, created_at) VALUES ('改名测试项目', '业主', 'district', '张三', '发改局', ?, '2027-01-01', '2028-01-01', '{}', ?, '2026-01-01T00:00:00Z')`,
    )
      .bind(town.name, admin.id)
      .run();
    const renamed = unique("新名");
    const r = await admin.json("PATCH", `/api/v1/towns/${town.id}`, { version: 1, name: renamed });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ id: town.id, name: renamed, version: 2 });
    // The parcel carries the new name; its own version is untouched (the rename is the town's change, not the parcel's).
    expect(await parcelRow(p.id)).toMatchObject({ town: renamed, version: p.version });
    expect(await count("parcels", "town = ?", town.name)).toBe(0);
    expect(await count("projects", "town = ?", town.name)).toBe(0);
    expect(await count("projects", "town = ? AND name = '改名测试项目'", renamed)).toBe(1);
    expect(
      await count(
        "town_history",
        "town_id = ? AND action = 'rename' AND previous_name = ? AND name = ?",
        town.id,
        town.name,
        renamed,
      ),
    ).toBe(1);
    // The version named is now stale: 409, and nothing changes.
    const before = await tables();
    const stale = await admin.json("PATCH", `/api/v1/towns/${town.id}`, { version: 1, name: unique("再改") });
    expect(stale.status).toBe(409);
    expect(await tables()).toEqual(before);
    expect(await count("parcels", "town = ?", renamed)).toBe(1);
  });

  it("retires a town (no longer accepted for new parcels, kept on old ones) and restores it", async () => {
    const admin = await session("admin");
    const officer = await session("officer");
    const town = await addTown(admin);
    const kept = (await (await officer.json("POST", "/api/v1/parcels", newParcel({ town: town.name }))).json()) as {
      id: number;
    };
    const r = await admin.json("PATCH", `/api/v1/towns/${town.id}`, { version: 1, retired: true });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ retired: true, version: 2 });
    expect(await parcelRow(kept.id)).toMatchObject({ town: town.name });
    const refused = await officer.json("POST", "/api/v1/parcels", newParcel({ town: town.name }));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Problem).issues[0]).toMatchObject({ path: "town", code: "unknown_town" });
    expect((await admin.json("PATCH", `/api/v1/towns/${town.id}`, { version: 2, retired: false })).status).toBe(200);
    expect((await officer.json("POST", "/api/v1/parcels", newParcel({ town: town.name }))).status).toBe(201);
    expect(await count("town_history", "town_id = ? AND action IN ('retire', 'restore')", town.id)).toBe(2);
  });

  it("refuses bad bodies (422), another town's name (422), an unknown id (404), 403 and 401; nothing written", async () => {
    const admin = await session("admin");
    const town = await addTown(admin);
    const before = await tables();
    for (const [body, path, code] of [
      [{ version: 1 }, "_", "nothing_to_edit"],
      [{ version: 1, name: "" }, "name", "required"],
      [{ version: 1, retired: "yes" }, "retired", "invalid_type"],
      [{ name: "X" }, "version", "required"],
      [{ version: 1, name: "凤桥镇" }, "name", "town_exists"],
    ] as const) {
      const r = await admin.json("PATCH", `/api/v1/towns/${town.id}`, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(((await r.json()) as Problem).issues[0]).toMatchObject({ path, code });
    }
    expect((await admin.json("PATCH", "/api/v1/towns/999999", { version: 1, name: unique("无") })).status).toBe(404);
    const officer = await session("officer");
    expect((await officer.json("PATCH", `/api/v1/towns/${town.id}`, { version: 1, name: unique("丙") })).status).toBe(
      403,
    );
    const anon = await call(`/api/v1/towns/${town.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ version: 1, name: unique("丁") }),
    });
    expect(anon.status).toBe(401);
    expect(await tables()).toEqual(before);
    expect(await env.DB.prepare("SELECT name, version FROM towns WHERE id = ?").bind(town.id).first()).toEqual({
      name: town.name,
      version: 1,
    });
  });
});

describe("a parcel's town must be on the list", () => {
  it("refuses 凤桥 (the town is 凤桥镇) with the list of towns, registering nothing", async () => {
    const officer = await session("officer");
    const before = await count("parcels");
    const r = await officer.json("POST", "/api/v1/parcels", newParcel({ town: "凤桥" }));
    expect(r.status).toBe(422);
    const issue = ((await r.json()) as Problem).issues.find((i) => i.path === "town")!;
    expect(issue.code).toBe("unknown_town");
    expect(issue.message).toContain("没有名为“凤桥”的镇/街道");
    // The known towns follow, in pinyin order (长水街道 first, 余新镇 last among the seeded ones).
    for (const name of SEEDED) expect(issue.message).toContain(name);
    expect(issue.message.indexOf("长水街道")).toBeLessThan(issue.message.indexOf("余新镇"));
    expect(await count("parcels")).toBe(before);
  });
});

describe("/admin/towns", () => {
  it("shows the list with a rename and retire form per town and the history, to an admin only", async () => {
    const admin = await browser("admin");
    const res = await admin.get("/admin/towns");
    expect(res.status).toBe(200);
    const html = await res.text();
    const names = (await select(html, "td input[name=name]")).map((e) => e.attrs.value);
    expect(names.filter((n) => SEEDED.includes(n!))).toEqual(SEEDED);
    expect((await select(html, "button[value=retire]")).length).toBeGreaterThanOrEqual(SEEDED.length);
    const officer = await browser("officer");
    expect((await officer.get("/admin/towns")).status).toBe(403);
    expect((await call("/admin/towns", { redirect: "manual" })).status).toBe(303);
  });

  it("adds, renames and retires through the forms, each answered 303 with a notice", async () => {
    const admin = await browser("admin");
    const name = unique("表单");
    const added = await admin.post("/admin/towns", { name });
    expect(added.status).toBe(303);
    expect(added.headers.get("Location")).toBe("/admin/towns?done=add");
    const notice = await select(await (await admin.get("/admin/towns?done=add")).text(), "p.notice");
    expect(notice.map((e) => e.text)).toContain("已新增。");
    const row = (await env.DB.prepare("SELECT id FROM towns WHERE name = ?").bind(name).first<{ id: number }>())!;
    const renamed = unique("表单改");
    const r = await admin.post(`/admin/towns/${row.id}`, { version: "1", name: renamed, action: "rename" });
    expect(r.status).toBe(303);
    const retired = await admin.post(`/admin/towns/${row.id}`, { version: "2", name: renamed, action: "retire" });
    expect(retired.status).toBe(303);
    expect(await env.DB.prepare("SELECT name, retired, version FROM towns WHERE id = ?").bind(row.id).first()).toEqual({
      name: renamed,
      retired: 1,
      version: 3,
    });
  });

  it("a refused add or rename comes back 422 with the message beside the field; a stale form 409; nothing written", async () => {
    const admin = await browser("admin");
    const before = await tables();
    const dup = await admin.post("/admin/towns", { name: "凤桥镇" });
    expect(dup.status).toBe(422);
    await expectFieldError(await dup.text(), "town-add-name", "已有名为“凤桥镇”的镇/街道");
    const row = (await env.DB.prepare("SELECT id FROM towns WHERE name = '新丰镇'").first<{ id: number }>())!;
    const clash = await admin.post(`/admin/towns/${row.id}`, { version: "1", name: "凤桥镇", action: "rename" });
    expect(clash.status).toBe(422);
    await expectFieldError(await clash.text(), `town-${row.id}-name`, "已有名为“凤桥镇”的镇/街道");
    const stale = await admin.post(`/admin/towns/${row.id}`, { version: "9", name: "新丰", action: "rename" });
    expect(stale.status).toBe(409);
    const officer = await browser("officer");
    expect((await officer.post("/admin/towns", { name: unique("戊") })).status).toBe(403);
    expect(await tables()).toEqual(before);
  });
});

describe("migration 0023: existing free-text towns onto the list", () => {
  it("maps exact names (after trimming white space) to their town and keeps every other value as a retired town", async () => {
    const officer = await session("officer");
    // Variants as a ledger typed them: padded with ASCII and full-width spaces, a short form, a typo.
    const stem = crypto.randomUUID().slice(0, 4);
    const variants = ["凤桥镇", " 凤桥镇 ", "凤桥镇\u3000", "\t新丰镇", `凤桥${stem}`, `凤乔镇${stem}`, `凤桥${stem}`];
    const ids: number[] = [];
    for (const town of variants) {
      const created = (await (await officer.json("POST", "/api/v1/parcels", newParcel())).json()) as { id: number };
      // Written straight into D1, as data from before the towns list would have been.
      await env.DB.prepare("UPDATE parcels SET town = ? WHERE id = ?").bind(town, created.id).run();
      ids.push(created.id);
    }
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith("0023_"))!;
    for (const q of migration.queries) await env.DB.prepare(q).run();
    const towns = async () => Promise.all(ids.map(async (id) => ((await parcelRow(id)) as { town: string }).town));
    // The rule: trim, then exact match; "凤桥xxxx" and the typo are not 凤桥镇 and stay as they were.
    expect(await towns()).toEqual([
      "凤桥镇",
      "凤桥镇",
      "凤桥镇",
      "新丰镇",
      `凤桥${stem}`,
      `凤乔镇${stem}`,
      `凤桥${stem}`,
    ]);
    const row = (name: string) =>
      env.DB.prepare("SELECT retired FROM towns WHERE name = ?").bind(name).all<{ retired: number }>();
    expect((await row(`凤桥${stem}`)).results).toEqual([{ retired: 1 }]);
    expect((await row(`凤乔镇${stem}`)).results).toEqual([{ retired: 1 }]);
    expect((await row("凤桥镇")).results).toEqual([{ retired: 0 }]);
    expect(await count("towns", "name = ? OR name = ? OR name = ?", " 凤桥镇 ", "凤桥镇\u3000", "\t新丰镇")).toBe(0);
    expect(await count("town_history", "action = 'migrated' AND name = ?", `凤桥${stem}`)).toBe(1);
    // Running it again changes nothing more.
    const before = await tables();
    for (const q of migration.queries) await env.DB.prepare(q).run();
    expect(await tables()).toEqual(before);
    // The retired variant is listed for the filters, labelled, but a new parcel cannot use it.
    const refused = await officer.json("POST", "/api/v1/parcels", newParcel({ town: `凤桥${stem}` }));
    expect(refused.status).toBe(422);
  });
});
