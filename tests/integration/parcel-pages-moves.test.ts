import { definitions, one, select, valueOf } from "../html";
import { describe, expect, it } from "vitest";
import { call, count, parcelRow, BASE } from "../helpers";
import { parcelAt } from "../chain-fixtures";
import { apiParcel, browser, expectFieldError } from "./parcel-pages-helpers";

const inputNames = (html: string) =>
  [...html.matchAll(/<(?:input|select|textarea)[^>]* name="([^"]+)"/g)].map((m) => m[1]);

describe("move fields", () => {
  it("htmx gets exactly the fields the chosen move needs; without JS the page shows them via ?to=", async () => {
    const officer = await browser("officer");
    const p = await apiParcel(officer.api);
    const htmx = { "HX-Request": "true" };
    const approved = await officer.get(`/parcels/${p.id}/move-fields?version=1&to=approved`, htmx);
    const html = await approved.text();
    expect(approved.status).toBe(200);
    expect(approved.headers.get("Vary")).toContain("HX-Request");
    expect(html).not.toContain("<html");
    // The batch is chosen with a picker: its select and the search beside it (batchQ, never posted as a move field).
    expect(inputNames(html)).toEqual(["docNo", "batchId", "batchQ"]);
    expect((await one(html, "label[for=move-docNo]")).text).toBe("批准文号");
    const withdrawn = await (await officer.get(`/parcels/${p.id}/move-fields?to=withdrawn`, htmx)).text();
    expect(inputNames(withdrawn)).toEqual(["docNo", "reason"]);
    // planned → completed is no move: no fields, just the hint.
    const refused = await (await officer.get(`/parcels/${p.id}/move-fields?to=completed`, htmx)).text();
    expect(inputNames(refused)).toEqual([]);
    expect(refused).toContain("请先选择要推进到的环节");

    const reserved = await parcelAt(officer.api, "reserved");
    const supply = await (await officer.get(`/parcels/${reserved.id}/move-fields?to=supplied`, htmx)).text();
    // reserved → supplied is the next step, not a skip: no reason asked.
    expect(inputNames(supply)).toEqual([
      "method",
      "docNo",
      "landUser",
      "priceWan",
      "agreedStartOn",
      "agreedCompletionOn",
      "supervisionNo",
    ]);
    // acquired → supplied skips the reserve: the reason is asked (issue 10 §6: shown only on a skip).
    const acquired = await parcelAt(officer.api, "acquired");
    const skip = await (await officer.get(`/parcels/${acquired.id}/move-fields?to=supplied`, htmx)).text();
    expect(inputNames(skip).at(-1)).toBe("reason");

    // A form drawn at an older version learns of the change as soon as a target is chosen.
    const stale = await (await officer.get(`/parcels/${reserved.id}/move-fields?version=1&to=supplied`, htmx)).text();
    expect(inputNames(stale)).toEqual([]);
    expect(stale).toContain("该记录已被他人修改，当前状态：已入库（版本 4）");

    const plain = await officer.get(`/parcels/${p.id}/move-fields?to=approved`);
    expect(plain.status).toBe(303);
    expect(plain.headers.get("Location")).toBe(`/parcels/${p.id}?to=approved`);
    const page = await (
      await officer.get(`/parcels/${p.id}?to=approved&docNo=${encodeURIComponent("浙土〔2023〕5号")}`)
    ).text();
    const to = await one(page, "select[name=to] option[selected]");
    expect([to.attrs.value, to.text]).toEqual(["approved", "已批准"]);
    expect(await valueOf(page, "#move-docNo")).toBe("浙土〔2023〕5号");
  });

  it("a viewer sees no move form and may not load move fields", async () => {
    const viewer = await browser("viewer");
    const p = await apiParcel((await browser("officer")).api);
    const page = await (await viewer.get(`/parcels/${p.id}`)).text();
    expect(page).toContain("办理记录");
    expect(page).not.toContain(`action="/parcels/${p.id}/moves"`);
    expect((await viewer.get(`/parcels/${p.id}/move-fields?to=approved`, { "HX-Request": "true" })).status).toBe(403);
  });
});

describe("move form posts", () => {
  it("advances the parcel and answers 303 back to it; the timeline shows who, when and what", async () => {
    const officer = await browser("officer");
    const p = await apiParcel(officer.api);
    const res = await officer.post(`/parcels/${p.id}/moves`, {
      version: "1",
      to: "approved",
      date: "2023-03-01",
      docNo: "浙政土〔2023〕88号",
      batchId: "",
      note: "首批",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/parcels/${p.id}?done=move`);
    expect(await parcelRow(p.id)).toMatchObject({
      state: "approved",
      version: 2,
      approved_on: "2023-03-01",
      approval_doc_no: "浙政土〔2023〕88号",
    });
    const page = await (await officer.get(`/parcels/${p.id}`)).text();
    expect(page).toContain(
      '<strong>推进</strong> <span class="badge s-planned">拟报批</span> → <span class="badge s-approved">已批准</span>',
    );
    expect(page).toContain("业务日期 2023-03-01");
    expect(page).toContain(`经办人 测试officer（${officer.username}）`);
    expect(await definitions(page)).toContainEqual(["批准文号", "浙政土〔2023〕88号"]);
    expect(page).toContain("备注：首批");
    // Both forms name the version just written: a move form drawn from a stale version would be refused.
    expect(await valueOf(page, `form[action="/parcels/${p.id}/moves"] input[name="version"]`)).toBe("2");
    expect(await valueOf(page, `form[action="/parcels/${p.id}/corrections"] input[name="version"]`)).toBe("2");
  });

  it("for htmx answers the re-rendered detail section", async () => {
    const officer = await browser("officer");
    const p = await parcelAt(officer.api, "approved");
    const res = await officer.post(
      `/parcels/${p.id}/moves`,
      { version: String(p.version), to: "acquired", date: "2023-03-05", docNo: "嘉南征〔2023〕7号" },
      { "HX-Request": "true" },
    );
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html.startsWith('<section id="parcel-detail">')).toBe(true);
    expect(html).not.toContain("<html");
    expect((await select(html, ".badge")).map((b) => [b.attrs.class, b.text])).toContainEqual([
      "badge s-acquired",
      "已征收",
    ]);
    expect(await valueOf(html, `form[action="/parcels/${p.id}/moves"] input[name="version"]`)).toBe(
      String(p.version + 1),
    );
  });

  const refusals: [string, Record<string, string>, string, string][] = [
    ["a move the chain forbids", { to: "completed" }, "move-to", "不允许从“已批准”推进到“已竣工”"],
    ["no target", { to: "" }, "move-to", "必填"],
    ["a missing document no.", { to: "acquired", docNo: " " }, "move-docNo", "必填"],
    [
      "a date before the previous move",
      { to: "acquired", docNo: "征1", date: "2023-01-09" },
      "move-date",
      "业务日期不能早于上一环节日期 2023-01-10",
    ],
    [
      "a malformed date",
      { to: "acquired", docNo: "征1", date: "2023-02-30" },
      "move-date",
      "日期无效，应为 YYYY-MM-DD 的真实日期",
    ],
    ["a skip without reason", { to: "reserved", reserveNo: "储1" }, "move-reason", "跨环节推进须填写理由"],
  ];

  it.each(refusals)(
    "refuses %s: 422 in place, message beside the field, values kept, nothing changed",
    async (_, over, inputId, message) => {
      const officer = await browser("officer");
      const p = await parcelAt(officer.api, "approved"); // approved on 2023-01-10
      const before = await parcelRow(p.id);
      const events = await count("parcel_events", "parcel_id = ?", p.id);
      for (const headers of [{}, { "HX-Request": "true" }] as Record<string, string>[]) {
        const res = await officer.post(
          `/parcels/${p.id}/moves`,
          { version: String(p.version), date: "2023-03-05", note: "请保留", ...over },
          headers,
        );
        const html = await res.text();
        expect(res.status).toBe(422);
        await expectFieldError(html, inputId, message);
        expect(html).toContain(">请保留</textarea>");
        expect(html.includes("<html")).toBe(!("HX-Request" in headers));
      }
      expect(await parcelRow(p.id)).toEqual(before);
      expect(await count("parcel_events", "parcel_id = ?", p.id)).toBe(events);
    },
  );

  it("a stale version gets 409 with the Chinese conflict notice and the current state; nothing changes", async () => {
    const officer = await browser("officer");
    const p = await parcelAt(officer.api, "acquired"); // version 3
    const before = await parcelRow(p.id);
    const events = await count("parcel_events", "parcel_id = ?", p.id);
    for (const headers of [{}, { "HX-Request": "true" }] as Record<string, string>[]) {
      const res = await officer.post(
        `/parcels/${p.id}/moves`,
        { version: "2", to: "reserved", date: "2023-03-05", reserveNo: "储2" },
        headers,
      );
      expect(res.status).toBe(409);
      expect(await res.text()).toContain("该记录已被他人修改，当前状态：已征收（版本 3）");
    }
    expect(await parcelRow(p.id)).toEqual(before);
    expect(await count("parcel_events", "parcel_id = ?", p.id)).toBe(events);
  });

  it("refuses a viewer (403) and a browser without a session (to the login page); nothing changes", async () => {
    const viewer = await browser("viewer");
    const officer = await browser("officer");
    const p = await apiParcel(officer.api);
    const body = { version: "1", to: "approved", date: "2023-03-01", docNo: "批1" };
    expect((await viewer.post(`/parcels/${p.id}/moves`, body)).status).toBe(403);
    const anonymous = await call(`/parcels/${p.id}/moves`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE },
      body: new URLSearchParams(body).toString(),
    });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("Location")).toBe(`/login?next=${encodeURIComponent(`/parcels/${p.id}/moves`)}`);
    expect(await parcelRow(p.id)).toMatchObject({ state: "planned", version: 1 });
    expect(await count("parcel_events", "parcel_id = ?", p.id)).toBe(0);
  });
});
