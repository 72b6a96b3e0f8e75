import { beforeAll, describe, expect, it } from "vitest";
import { parcelRow } from "../helpers";
import { one, select, valueOf } from "../html";
import { apiParcel, browser } from "./parcel-pages-helpers";
import { historic, idNamed, insertBatch, insertHistoricBatches, labelsOf, optionsOf } from "./picker-helpers";

// The batch picker of the parcel forms with more batches than any select could list (issue 10 §1). Storage is per
// file, so these are all the batches there are: 600 historic ones (第001号 the oldest approval, 第600号 the newest),
// two awaiting approval (甲 registered before 乙), and two approved in 1999 — older than all — whose names hold a
// `%` and a `_`.
let officer: Awaited<ReturnType<typeof browser>>;
let oldest: number;
let newest: number;

beforeAll(async () => {
  await insertHistoricBatches(600);
  await insertBatch("南湖区待批批次甲", null);
  await insertBatch("南湖区待批批次乙", null);
  await insertBatch("含100%达标批次", "1999-01-01");
  await insertBatch("测试_批次", "1999-01-02");
  oldest = await idNamed("batches", "南湖区历史批次第001号");
  newest = await idNamed("batches", "南湖区历史批次第600号");
  officer = await browser("officer");
});

/** The batch options route as the search input calls it (htmx, the select included). */
async function choices(batchQ: string, batchId = "") {
  const res = await officer.get(`/batches/choices?${new URLSearchParams({ batchQ, batchId })}`, {
    "HX-Request": "true",
  });
  expect(res.status).toBe(200);
  const html = await res.text();
  return {
    labels: labelsOf(await optionsOf(html, "option")),
    hint: (await one(html, "#batch-picker-hint")).text,
    html,
  };
}

describe("the batch options route GET /batches/choices", () => {
  it("finds the oldest of 600 batches by part of its name and keeps the chosen one first, outside the matches", async () => {
    const r = await choices("第001号", String(newest));
    // 第001号 is the one name holding "第001号" (第100号 holds "100", not "001"); 第600号 is chosen, so it stays.
    expect(r.labels).toEqual(["无", "*南湖区历史批次第600号", "南湖区历史批次第001号"]);
    expect(r.hint).toBe("名称含“第001号”的批次共 1 个");
    // The hint goes beside the select, into the one already there (its content only: it is a live region).
    expect((await one(r.html, "#batch-picker-hint")).attrs["hx-swap-oob"]).toBe("innerHTML");
    expect(await select(r.html, "select")).toEqual([]);
  });

  it("takes % and _ as plain characters", async () => {
    // As LIKE wildcards, '%100%%' would also take 第100号 and '%_批%' every name with 批 after its first character
    // (all 600 historic batches and both awaiting approval): one option each means each was matched literally.
    expect((await choices("100%")).labels).toEqual(["无", "含100%达标批次"]);
    expect((await choices("_批")).labels).toEqual(["无", "测试_批次"]);
  });

  it("takes a search longer than D1 allows a LIKE pattern: 40 汉字 are 120 bytes, the limit 50", async () => {
    // Built as LIKE '%…%' it would be refused ("pattern too complex"), a 500; matched literally it is just no match.
    const r = await choices("地".repeat(40));
    expect(r.labels).toEqual(["无"]);
    expect(r.hint).toBe(`没有名称含“${"地".repeat(40)}”的批次`);
  });

  it("shows the first 30 of many matches, newest first, and says typing more narrows them", async () => {
    const r = await choices("历史批次");
    // All 600 historic batches match; newest approval first: 第600号 down to 第571号 (600 − 30 + 1).
    expect(r.labels).toEqual(["无", ...historic(600, 571)]);
    expect(r.hint).toBe("显示名称含“历史批次”的前 30 个批次，输入更多字缩小范围");
  });

  it("says when nothing matches, still keeping the chosen batch", async () => {
    const r = await choices("没有这样的批次", String(newest));
    expect(r.labels).toEqual(["无", "*南湖区历史批次第600号"]);
    expect(r.hint).toBe("没有名称含“没有这样的批次”的批次");
    // What was typed comes back in the hint as text, never as markup: escaped in the source (which the parser's
    // text is, entities as written), and no script element.
    const hostile = await choices(`<script>alert(1)</script>`);
    expect(hostile.hint).toBe("没有名称含“&lt;script&gt;alert(1)&lt;/script&gt;”的批次");
    expect(await select(hostile.html, "script")).toEqual([]);
  });
});

describe("the register form's batch picker", () => {
  it("with no search shows the 30 newest, awaiting approval first, plus the chosen one, and says more can be found", async () => {
    const html = await (await officer.get(`/parcels/new?batchId=${oldest}`)).text();
    // Unapproved first, the later registered on top (乙, 甲), then newest approval: 第600号 … 第573号 makes 30;
    // the chosen 第001号 is not among them and comes first after the blank: 1 + 1 + 30 = 32 options.
    expect(labelsOf(await optionsOf(html, "select[name=batchId] option"))).toEqual([
      "无",
      "*南湖区历史批次第001号",
      "南湖区待批批次乙",
      "南湖区待批批次甲",
      ...historic(600, 573),
    ]);
    expect((await one(html, "#batch-picker-hint")).text).toBe("显示最近 30 个，输入名称查找其余");
  });

  it("is a search that asks for the options while typing, and a 查找 that works without JS", async () => {
    const html = await (await officer.get("/parcels/new")).text();
    const input = (await one(html, "input[name=batchQ]")).attrs;
    expect(input).toMatchObject({
      type: "search",
      id: "reg-batchQ",
      "hx-get": "/batches/choices",
      "hx-trigger": "input changed delay:300ms, search",
      "hx-target": "#reg-batchId",
      "hx-swap": "innerHTML",
      "hx-include": "#reg-batchId",
      "aria-describedby": "batch-picker-hint",
    });
    expect((await one(html, "label[for=reg-batchQ]")).text).toBe("按名称查找批次");
    const find = await one(html, "form[action='/parcels'] button[formmethod=get]");
    expect(find.text).toBe("查找");
    expect(find.attrs).toMatchObject({
      type: "submit",
      formaction: "/parcels/new",
      formnovalidate: "",
      "aria-label": "查找批次",
    });
  });

  it("without JS, 查找 draws the form again as typed with the batches found; the oldest batch is then saved", async () => {
    const typed = {
      code: `330402-PK${crypto.randomUUID().slice(0, 6)}`,
      name: "南湖区余新镇选批次地块",
      town: "余新镇",
      landUse: "industrial",
      origin: "collective",
      areaValue: "616.2",
      areaUnit: "mu",
      batchId: "",
      note: "按批次查找",
    };
    const res = await officer.get(`/parcels/new?${new URLSearchParams({ ...typed, batchQ: " 第001号 " })}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(await valueOf(html, "input[name=code]")).toBe(typed.code);
    expect(await valueOf(html, "input[name=name]")).toBe(typed.name);
    expect(await valueOf(html, "input[name=areaValue]")).toBe("616.2");
    expect((await one(html, "select[name=town] option[selected]")).text).toBe("余新镇");
    expect((await one(html, "select[name=landUse] option[selected]")).attrs.value).toBe("industrial");
    expect((await one(html, "textarea[name=note]")).text).toBe("按批次查找");
    expect(await valueOf(html, "input[name=batchQ]")).toBe(" 第001号 ");
    // The search is trimmed before matching; nothing is chosen yet, so the one match follows the blank.
    expect(labelsOf(await optionsOf(html, "select[name=batchId] option"))).toEqual(["无", "南湖区历史批次第001号"]);
    expect((await one(html, "#batch-picker-hint")).text).toBe("名称含“第001号”的批次共 1 个");

    const saved = await officer.post("/parcels", { ...typed, batchId: String(oldest), batchQ: "第001号" });
    expect(saved.status).toBe(303);
    const id = Number(saved.headers.get("Location")!.split("/").at(-1));
    expect(await parcelRow(id)).toMatchObject({ batch_id: oldest });
  });
});

describe("the approval move's batch picker on the parcel page", () => {
  it("without JS finds the oldest batch with the move as typed; the move then places the parcel in it", async () => {
    const p = await apiParcel(officer.api);
    const typed = { to: "approved", date: "2023-03-01", docNo: "浙土字〔2023〕5号", batchId: "", batchQ: "第001号" };
    const html = await (await officer.get(`/parcels/${p.id}?${new URLSearchParams(typed)}`)).text();
    expect((await one(html, "select[name=to] option[selected]")).attrs.value).toBe("approved");
    expect(await valueOf(html, "input[name=docNo]")).toBe("浙土字〔2023〕5号");
    expect(await valueOf(html, "input[name=date]")).toBe("2023-03-01");
    expect(labelsOf(await optionsOf(html, "select[name=batchId] option"))).toEqual(["无", "南湖区历史批次第001号"]);
    const find = await one(html, `form[action='/parcels/${p.id}/moves'] button[formmethod=get]`);
    expect(find.attrs.formaction).toBe(`/parcels/${p.id}`);

    // With htmx the answer is the section drawn from the reads made before the write: the batch it names was read
    // by id as the picker's chosen one, so the section names it without another round trip.
    const move = { ...typed, version: String(p.version), batchId: String(oldest), note: "" };
    const res = await officer.post(`/parcels/${p.id}/moves`, move, { "HX-Request": "true" });
    expect(res.status).toBe(200);
    expect((await one(await res.text(), `a[href='/batches/${oldest}']`)).text).toBe("南湖区历史批次第001号");
    expect(await parcelRow(p.id)).toMatchObject({ state: "approved", batch_id: oldest });
  });
});
