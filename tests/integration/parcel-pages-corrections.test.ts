import { describe, expect, it } from "vitest";
import { count, parcelRow } from "../helpers";
import { definitions } from "../html";
import { parcelAt } from "../chain-fixtures";
import { browser, expectFieldError } from "./parcel-pages-helpers";

/** An officer's parcel moved to approved through the move form, so that officer made its latest move today. */
async function movedByForm() {
  const officer = await browser("officer");
  const p = await parcelAt(officer.api, "planned");
  const res = await officer.post(`/parcels/${p.id}/moves`, {
    version: "1",
    to: "approved",
    date: "2023-03-01",
    docNo: "浙政土〔2023〕9号",
  });
  expect(res.status).toBe(303);
  return { officer, id: p.id };
}

const correctionAction = (id: number) => `action="/parcels/${id}/corrections"`;

describe("correction form", () => {
  it("the officer who moved today sees it and undoes the move: 303, back to the previous state", async () => {
    const { officer, id } = await movedByForm();
    const page = await (await officer.get(`/parcels/${id}`)).text();
    expect(page).toContain(correctionAction(id));
    expect(page).toContain("将撤销：拟报批 → 已批准，业务日期 2023-03-01");
    const res = await officer.post(`/parcels/${id}/corrections`, { version: "2", reason: "文号录错" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/parcels/${id}?done=correction`);
    expect(await parcelRow(id)).toMatchObject({
      state: "planned",
      version: 3,
      approved_on: null,
      approval_doc_no: null,
    });
    const after = await (await officer.get(`/parcels/${id}`)).text();
    expect(after).toContain(
      '<strong>更正</strong> <span class="badge s-approved">已批准</span> → <span class="badge s-planned">拟报批</span>',
    );
    expect(await definitions(after)).toContainEqual(["理由", "文号录错"]);
    // Nothing left to undo: the form is gone.
    expect(after).not.toContain(correctionAction(id));
  });

  it("another officer neither sees it nor may post it (403), and nothing changes", async () => {
    const { id } = await movedByForm();
    const other = await browser("officer");
    expect(await (await other.get(`/parcels/${id}`)).text()).not.toContain(correctionAction(id));
    const before = await parcelRow(id);
    const res = await other.post(`/parcels/${id}/corrections`, { version: "2", reason: "不是我推进的" });
    expect(res.status).toBe(403);
    expect(await parcelRow(id)).toEqual(before);
    expect(await count("parcel_events", "parcel_id = ?", id)).toBe(1);
  });

  it("an admin may correct any officer's move", async () => {
    const { id } = await movedByForm();
    const admin = await browser("admin");
    expect(await (await admin.get(`/parcels/${id}`)).text()).toContain(correctionAction(id));
    expect((await admin.post(`/parcels/${id}/corrections`, { version: "2", reason: "管理员更正" })).status).toBe(303);
    expect(await parcelRow(id)).toMatchObject({ state: "planned", version: 3 });
  });

  it("without a reason: 422 with the message beside it; with a stale version: 409 with the notice; nothing changes", async () => {
    const { officer, id } = await movedByForm();
    const before = await parcelRow(id);
    const missing = await officer.post(
      `/parcels/${id}/corrections`,
      { version: "2", reason: "" },
      { "HX-Request": "true" },
    );
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html.startsWith('<section id="parcel-detail">')).toBe(true);
    await expectFieldError(html, "corr-reason", "必填");
    const stale = await officer.post(`/parcels/${id}/corrections`, { version: "1", reason: "旧版本" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("该记录已被他人修改，当前状态：已批准（版本 2）");
    expect(await parcelRow(id)).toEqual(before);
    expect(await count("parcel_events", "parcel_id = ?", id)).toBe(1);
  });

  it("a viewer gets 403 and sees no correction form", async () => {
    const { id } = await movedByForm();
    const viewer = await browser("viewer");
    expect(await (await viewer.get(`/parcels/${id}`)).text()).not.toContain(correctionAction(id));
    expect((await viewer.post(`/parcels/${id}/corrections`, { version: "2", reason: "查看者" })).status).toBe(403);
    expect(await parcelRow(id)).toMatchObject({ state: "approved", version: 2 });
  });
});
