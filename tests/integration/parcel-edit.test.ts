import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createBatch } from "../batch-fixtures";
import { parcelAt } from "../chain-fixtures";
import { call, count, newParcel, parcelRow, session } from "../helpers";
import { select } from "../html";
import { browser, expectFieldError } from "./parcel-pages-helpers";

type Problem = { error: string; issues: { path: string; code: string; message: string }[] };
type Event = {
  id: number;
  kind: string;
  changes?: Record<string, { from: unknown; to: unknown }>;
  [k: string]: unknown;
};
type Client = Awaited<ReturnType<typeof session>>;

const patch = (c: Client, id: number, body: unknown) => c.json("PATCH", `/api/v1/parcels/${id}`, body);
const events = async (c: Client, id: number) =>
  ((await (await c.json("GET", `/api/v1/parcels/${id}`)).json()) as { events: Event[] }).events;
/** Everything an edit could touch: the parcel, its events, and the trigger-kept summaries. */
const snapshot = async (id: number) => ({
  parcel: await parcelRow(id),
  events: await count("parcel_events", "parcel_id = ?", id),
  chain: (await env.DB.prepare("SELECT * FROM chain_totals ORDER BY state").all()).results,
  batches: (await env.DB.prepare("SELECT * FROM batch_totals ORDER BY batch_id").all()).results,
});
const batchTotals = (id: number) =>
  env.DB.prepare("SELECT parcel_count, approved_m2, unsupplied_m2 FROM batch_totals WHERE batch_id = ?")
    .bind(id)
    .first();

describe("PATCH /api/v1/parcels/:id (edit registration fields, issue 10 §1)", () => {
  it("records an edit event with before → after and the reason, shown in GET /:id; summaries follow", async () => {
    const officer = await session("officer");
    const a = await createBatch(officer);
    const b = await createBatch(officer);
    // Registered at 12.5 亩 = 12.5 × 10000 / 15 = 8,333.33 → 8,333 m², in batch A, then approved (counts in approved_m2).
    const p = await parcelAt(officer, "approved", { batchId: a.id });
    const chainBefore = (await env.DB.prepare("SELECT area_m2 FROM chain_totals WHERE state = 'approved'").first<{
      area_m2: number;
    }>())!.area_m2;
    const r = await patch(officer, p.id, {
      version: p.version,
      reason: "按勘测定界图更正面积并调入B批次",
      name: "凤桥镇新址",
      town: "新丰镇",
      origin: "state",
      area: { value: "1,500", unit: "m2" },
      batchId: b.id,
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({
      name: "凤桥镇新址",
      town: "新丰镇",
      origin: "state",
      areaM2: 1500,
      batchId: b.id,
      version: p.version + 1,
      state: "approved",
    });
    const last = (await events(officer, p.id)).at(-1)!;
    expect(last).toMatchObject({
      kind: "edit",
      note: "按勘测定界图更正面积并调入B批次",
      reason: "按勘测定界图更正面积并调入B批次",
      changes: {
        name: { from: "南湖区凤桥镇测试地块", to: "凤桥镇新址" },
        town: { from: "凤桥镇", to: "新丰镇" },
        origin: { from: "collective", to: "state" },
        areaM2: { from: 8333, to: 1500 },
        batchId: { from: a.id, to: b.id },
      },
    });
    // The batch figures follow by trigger: A lost its one parcel, B gained it at 1,500 m² (approved, unsupplied).
    expect(await batchTotals(a.id)).toEqual({ parcel_count: 0, approved_m2: 0, unsupplied_m2: 0 });
    expect(await batchTotals(b.id)).toEqual({ parcel_count: 1, approved_m2: 1500, unsupplied_m2: 1500 });
    // chain_totals: the approved state's area fell by 8,333 − 1,500 = 6,833 m².
    const chainAfter = (await env.DB.prepare("SELECT area_m2 FROM chain_totals WHERE state = 'approved'").first<{
      area_m2: number;
    }>())!.area_m2;
    expect(chainBefore - chainAfter).toBe(6833);
    // And every summary still equals a recount from the parcels themselves.
    const recount = await env.DB.prepare(
      "SELECT state, count(*) AS n, sum(area_m2) AS m2 FROM parcels GROUP BY state ORDER BY state",
    ).all<{ state: string; n: number; m2: number }>();
    const kept = await env.DB.prepare(
      "SELECT state, count AS n, area_m2 AS m2 FROM chain_totals WHERE count > 0 ORDER BY state",
    ).all();
    expect(kept.results).toEqual(recount.results);
  });

  it("refuses each bad edit with 422 and changes nothing", async () => {
    const officer = await session("officer");
    const p = await parcelAt(officer, "planned");
    const before = await snapshot(p.id);
    const cases: [string, Record<string, unknown>, string, string][] = [
      ["no reason", { name: "X" }, "reason", "required"],
      ["nothing to edit", { reason: "核对" }, "_", "nothing_to_edit"],
      ["nothing changed", { reason: "核对", name: "南湖区凤桥镇测试地块" }, "_", "nothing_changed"],
      ["a town not on the list", { reason: "核对", town: "凤桥" }, "town", "unknown_town"],
      ["an unknown land use", { reason: "核对", landUse: "farm" }, "landUse", "invalid_choice"],
      [
        "an area in another unit",
        { reason: "核对", area: { value: "25.5公顷", unit: "mu" } },
        "area.value",
        "wrong_unit",
      ],
      [
        "an area that is not a number",
        { reason: "核对", area: { value: "十二", unit: "mu" } },
        "area.value",
        "not_a_number",
      ],
      ["an area of 99,999 公顷", { reason: "核对", area: { value: 99999, unit: "ha" } }, "area", "area_wrong_unit"],
      ["an unknown batch", { reason: "核对", batchId: 987654 }, "batchId", "unknown_batch"],
      ["an unknown project", { reason: "核对", projectId: 987654 }, "projectId", "unknown_project"],
    ];
    for (const [what, body, path, code] of cases) {
      const r = await patch(officer, p.id, { version: p.version, ...body });
      expect(r.status, what).toBe(422);
      const problem = (await r.json()) as Problem;
      expect(
        problem.issues.map((i) => [i.path, i.code]),
        what,
      ).toContainEqual([path, code]);
    }
    expect(await snapshot(p.id)).toEqual(before);
  });

  it("says why an implausible area is refused, in every unit, and takes it when confirmed, recording that", async () => {
    const officer = await session("officer");
    const p = await parcelAt(officer, "planned");
    const r = await patch(officer, p.id, { version: p.version, reason: "核对", area: { value: 99999, unit: "ha" } });
    expect(r.status).toBe(422);
    const problem = (await r.json()) as Problem;
    expect(problem.error).toBe("implausible_area");
    // 99,999 公顷 × 15 = 1,499,985 亩; × 10,000 = 999,990,000 m². Over 1,500 公顷 and over the 500 公顷 ceiling.
    expect(problem.issues.map((i) => i.code)).toEqual(["area_wrong_unit", "area_over_ceiling"]);
    expect(problem.issues[0]!.message).toContain("99,999 公顷 = 1,499,985 亩 = 999,990,000 平方米");
    expect(problem.issues[0]!.message).toContain("请核对单位");
    const ok = await patch(officer, p.id, {
      version: p.version,
      reason: "确系大型片区",
      area: { value: 99999, unit: "ha" },
      confirmArea: true,
    });
    expect(ok.status).toBe(200);
    expect((await events(officer, p.id)).at(-1)).toMatchObject({ kind: "edit", areaConfirmed: ["unit", "ceiling"] });
  });

  it("refuses an area over its batch's approved total unless confirmed", async () => {
    const officer = await session("officer");
    const batch = await createBatch(officer); // approved total 300 亩 = 200,000 m²
    const p = await parcelAt(officer, "planned", { batchId: batch.id });
    // 300.01 亩 is over; 300 亩 is not.
    const over = await patch(officer, p.id, {
      version: p.version,
      reason: "核对",
      area: { value: 300.01, unit: "mu" },
    });
    expect(over.status).toBe(422);
    const issue = ((await over.json()) as Problem).issues[0]!;
    expect(issue.code).toBe("area_over_batch");
    expect(issue.message).toContain("300 亩 = 20 公顷 = 200,000 平方米");
    expect(
      (await patch(officer, p.id, { version: p.version, reason: "核对", area: { value: 300, unit: "mu" } })).status,
    ).toBe(200);
  });

  it("answers 409 to a stale version, 404 to an unknown parcel, 403 to a viewer or lead, 401 without a session", async () => {
    const officer = await session("officer");
    const p = await parcelAt(officer, "planned");
    const before = await snapshot(p.id);
    const body = { version: p.version, reason: "核对", name: "改名" };
    expect((await patch(officer, p.id, { ...body, version: p.version + 1 })).status).toBe(409);
    expect((await patch(officer, 999999, body)).status).toBe(404);
    for (const role of ["viewer", "lead"] as const)
      expect((await patch(await session(role), p.id, body)).status).toBe(403);
    const anon = await call(`/api/v1/parcels/${p.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(anon.status).toBe(401);
    expect(await snapshot(p.id)).toEqual(before);
  });

  it("is correctable like a move: the correction restores the before values and the summaries", async () => {
    const officer = await session("officer");
    const batch = await createBatch(officer);
    const p = await parcelAt(officer, "approved", { batchId: batch.id });
    const summaries = await snapshot(p.id);
    const edited = await patch(officer, p.id, {
      version: p.version,
      reason: "误改",
      area: { value: 1, unit: "ha" },
      batchId: null,
      town: "大桥镇",
    });
    expect(edited.status).toBe(200);
    const corr = await officer.json("POST", `/api/v1/parcels/${p.id}/corrections`, {
      version: p.version + 1,
      reason: "改回",
    });
    expect(corr.status).toBe(200);
    expect(await corr.json()).toMatchObject({ town: "凤桥镇", areaM2: 8333, batchId: batch.id, state: "approved" });
    const after = await snapshot(p.id);
    expect(after.chain).toEqual(summaries.chain);
    expect(after.batches).toEqual(summaries.batches);
    const evs = await events(officer, p.id);
    expect(evs.at(-1)).toMatchObject({ kind: "correction", revertsEventId: evs.at(-2)!.id });
    // The next correction takes back the approval beneath it, as before.
    const again = await officer.json("POST", `/api/v1/parcels/${p.id}/corrections`, {
      version: p.version + 2,
      reason: "再撤",
    });
    expect(await again.json()).toMatchObject({ state: "planned" });
  });
});

describe("register: plausibility and the confirmation", () => {
  it("refuses 99,999 公顷 unless confirmed; a confirmed one is recorded as a register event", async () => {
    const officer = await session("officer");
    const before = await count("parcels");
    const r = await officer.json("POST", "/api/v1/parcels", newParcel({ area: { value: "99,999", unit: "ha" } }));
    expect(r.status).toBe(422);
    expect(((await r.json()) as Problem).issues[0]!.message).toContain("99,999 公顷 = 1,499,985 亩");
    expect(await count("parcels")).toBe(before);
    const ok = await officer.json(
      "POST",
      "/api/v1/parcels",
      newParcel({ area: { value: 99999, unit: "ha" }, confirmArea: true }),
    );
    expect(ok.status).toBe(201);
    const p = (await ok.json()) as { id: number; areaM2: number };
    expect(p.areaM2).toBe(999_990_000);
    expect((await events(officer, p.id)).map((e) => [e.kind, e.areaConfirmed])).toEqual([
      ["register", ["unit", "ceiling"]],
    ]);
  });
});

describe("the edit page /parcels/:id/edit", () => {
  it("shows the fields as they stand, says dates belong to moves, and saves with a reason: 303, a notice, the timeline", async () => {
    const officer = await browser("officer");
    const p = await parcelAt(officer.api, "approved");
    const page = await officer.get(`/parcels/${p.id}/edit`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // 8,333 m² × 15 / 10,000 = 12.4995 亩, exact to four decimals.
    expect((await select(html, "input[name=areaValue]"))[0]!.attrs.value).toBe("12.4995");
    expect((await select(html, "input[name=version]"))[0]!.attrs.value).toBe(String(p.version));
    expect((await select(html, "select[name=town] option[selected]"))[0]!.text).toBe("凤桥镇");
    expect(html).toContain("各环节的日期和文号由推进记录");
    const r = await officer.post(`/parcels/${p.id}/edit`, {
      version: String(p.version),
      name: "南湖区凤桥镇测试地块",
      town: "凤桥镇",
      landUse: "industrial",
      origin: "collective",
      areaValue: "25.5亩",
      areaUnit: "mu",
      batchId: "",
      projectId: "",
      reason: "按宗地图更正",
    });
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/parcels/${p.id}?done=edit`);
    // 25.5 亩 × 10000 / 15 = 17,000 m²; only the area changed.
    expect(await parcelRow(p.id)).toMatchObject({ area_m2: 17000, version: p.version + 1 });
    const detail = await (await officer.get(`/parcels/${p.id}?done=edit`)).text();
    expect((await select(detail, "p.notice")).map((e) => e.text)).toContain("已保存修改，见下方办理记录。");
    const edit = (await select(detail, "ol.timeline li")).at(-1)!.text;
    expect(edit).toContain("修改");
    expect(edit).toContain("12.50 亩（8333 平方米） → 25.50 亩（17000 平方米）");
    expect(edit).toContain("按宗地图更正");
  });

  it("a refused edit comes back 422 with the message beside the field and what was typed; stale 409; viewer 403", async () => {
    const officer = await browser("officer");
    const p = await parcelAt(officer.api, "planned");
    const before = await snapshot(p.id);
    const form = {
      version: String(p.version),
      name: "南湖区凤桥镇测试地块",
      town: "凤桥镇",
      landUse: "industrial",
      origin: "collective",
      areaValue: "25.5公顷",
      areaUnit: "mu",
      reason: "",
    };
    const r = await officer.post(`/parcels/${p.id}/edit`, form);
    expect(r.status).toBe(422);
    const html = await r.text();
    await expectFieldError(html, "edit-areaValue", "此栏的单位是亩，填写的“25.5公顷”是公顷；请换算成亩后填写数字");
    await expectFieldError(html, "edit-reason", "必填");
    const big = await officer.post(`/parcels/${p.id}/edit`, {
      ...form,
      areaValue: "99999",
      areaUnit: "ha",
      reason: "核对",
    });
    expect(big.status).toBe(422);
    const bigHtml = await big.text();
    expect(bigHtml).toContain("99,999 公顷 = 1,499,985 亩 = 999,990,000 平方米");
    // The confirmation box appears beside a refused area.
    expect(await select(bigHtml, "input[name=confirmArea]")).toHaveLength(1);
    const stale = await officer.post(`/parcels/${p.id}/edit`, {
      ...form,
      areaValue: "20",
      version: "99",
      reason: "核对",
    });
    expect(stale.status).toBe(409);
    const viewer = await browser("viewer");
    expect((await viewer.post(`/parcels/${p.id}/edit`, { ...form, areaValue: "20", reason: "核对" })).status).toBe(403);
    expect((await viewer.get(`/parcels/${p.id}/edit`)).status).toBe(403);
    expect(await snapshot(p.id)).toEqual(before);
  });
});

describe("the parcel page (issue 10 §6)", () => {
  it("names batch and project, hides the version, strikes an undone move labelled 已更正 and links its correction", async () => {
    const officer = await browser("officer");
    const batch = await createBatch(officer.api);
    const p = await parcelAt(officer.api, "acquired", { batchId: batch.id });
    const corr = await officer.post(`/parcels/${p.id}/corrections`, { version: String(p.version), reason: "文号录错" });
    expect(corr.headers.get("Location")).toBe(`/parcels/${p.id}?done=correction`);
    const html = await (await officer.get(`/parcels/${p.id}?done=correction`)).text();
    expect((await select(html, "p.notice")).map((e) => e.text)).toContain("已更正，见下方办理记录。");
    const batchLink = await select(html, `dl a[href="/batches/${batch.id}"]`);
    expect(batchLink.map((e) => e.text)).toEqual([batch.name as string]);
    expect(html).not.toContain("版本");
    const undone = await select(html, "ol.timeline li.undone");
    expect(undone).toHaveLength(1);
    expect(undone[0]!.text).toContain("已更正");
    const links = await select(html, "ol.timeline li.undone a");
    const corrections = await select(html, "ol.timeline li[id]");
    expect(links.map((e) => e.attrs.href)).toContain(`#${corrections.at(-1)!.attrs.id}`);
    expect(await select(html, "ol.timeline li.undone s")).toHaveLength(1);
    // The correction form sits behind a disclosure, with a secondary button.
    expect(await select(html, "details.correction form button.secondary")).toHaveLength(1);
  });
});
