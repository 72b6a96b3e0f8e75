import { beforeAll, describe, expect, it } from "vitest";
import { parcelRow } from "../helpers";
import { one, select, valueOf } from "../html";
import { apiParcel, browser } from "./parcel-pages-helpers";
import { idNamed, insertBatch, insertProject, insertProjects, labelsOf, optionsOf } from "./picker-helpers";

// The edit form's project picker (issue 10 §1). Storage is per file, so these are all the projects there are,
// registered in this order — newest first means the reverse: 达标率100%项目, 用地1000亩项目, 项目_甲, 项目乙甲 (the
// four oldest), then 重点项目第01号 … 第40号 (第40号 the newest). One batch, so the batch picker has little to show.
let officer: Awaited<ReturnType<typeof browser>>;
let first: number;
let second: number;
let last: number;

beforeAll(async () => {
  for (const name of ["达标率100%项目", "用地1000亩项目", "项目_甲", "项目乙甲"]) await insertProject(name);
  await insertProjects(40);
  await insertBatch("南湖区2023年度第1批次城镇建设用地", "2023-04-01");
  first = await idNamed("projects", "重点项目第01号");
  second = await idNamed("projects", "重点项目第02号");
  last = await idNamed("projects", "重点项目第40号");
  officer = await browser("officer");
});

/** The project options route as the search input calls it (htmx, the select included). */
async function choices(projectQ: string, projectId = "") {
  const res = await officer.get(`/projects/choices?${new URLSearchParams({ projectQ, projectId })}`, {
    "HX-Request": "true",
  });
  expect(res.status).toBe(200);
  const html = await res.text();
  return { labels: labelsOf(await optionsOf(html, "option")), hint: (await one(html, "#project-picker-hint")).text };
}

describe("the project options route GET /projects/choices", () => {
  it("finds the oldest of the 40 by part of its name and keeps the chosen one first", async () => {
    const r = await choices("第01号", String(last));
    expect(r.labels).toEqual(["无", "*重点项目第40号", "重点项目第01号"]);
    expect(r.hint).toBe("名称含“第01号”的项目共 1 个");
  });

  it("takes % and _ as plain characters, and says when nothing matches", async () => {
    // As LIKE wildcards '%100%%' would also take 用地1000亩项目, and '%_甲%' also 项目乙甲.
    expect((await choices("100%")).labels).toEqual(["无", "达标率100%项目"]);
    expect((await choices("_甲")).labels).toEqual(["无", "项目_甲"]);
    const none = await choices("没有这个项目", String(first));
    expect(none.labels).toEqual(["无", "*重点项目第01号"]);
    expect(none.hint).toBe("没有名称含“没有这个项目”的项目");
  });
});

describe("the edit form's project picker", () => {
  it("opens with the parcel's own project chosen, the 30 newest after it, and says more can be found", async () => {
    const p = await apiParcel(officer.api, { projectId: first });
    const html = await (await officer.get(`/parcels/${p.id}/edit`)).text();
    // Newest first: 第40号 down to 第11号 is 30 (40 − 30 + 1 = 11); 第01号 is the parcel's and comes first.
    const newest30 = Array.from({ length: 30 }, (_, k) => `重点项目第${String(40 - k).padStart(2, "0")}号`);
    expect(labelsOf(await optionsOf(html, "select[name=projectId] option"))).toEqual([
      "无",
      "*重点项目第01号",
      ...newest30,
    ]);
    expect((await one(html, "#project-picker-hint")).text).toBe("显示最近 30 个，输入名称查找其余");
    // The one batch, none chosen: the whole list, counted.
    expect(labelsOf(await optionsOf(html, "select[name=batchId] option"))).toEqual([
      "无",
      "南湖区2023年度第1批次城镇建设用地",
    ]);
    expect((await one(html, "#batch-picker-hint")).text).toBe("共 1 个批次");
    expect((await one(html, "input[name=projectQ]")).attrs).toMatchObject({
      "hx-get": "/projects/choices",
      "hx-target": "#edit-projectId",
      "hx-include": "#edit-projectId",
    });
    expect((await one(html, "label[for=edit-projectQ]")).text).toBe("按名称查找项目");
  });

  it("without JS, 查找 draws the form again as typed, version included; the project found is then saved", async () => {
    const p = await apiParcel(officer.api, { projectId: first });
    const typed = {
      version: String(p.version),
      name: "改名后的测试地块",
      town: "凤桥镇",
      landUse: "industrial",
      origin: "collective",
      areaValue: "12.5",
      areaUnit: "mu",
      batchId: "",
      projectId: String(first),
      projectQ: "第02号",
      reason: "划入第02号项目",
    };
    const page = `/parcels/${p.id}/edit`;
    const html = await (await officer.get(`${page}?${new URLSearchParams(typed)}`)).text();
    expect(await valueOf(html, "input[name=name]")).toBe("改名后的测试地块");
    expect((await one(html, "textarea[name=reason]")).text).toBe("划入第02号项目");
    expect(await valueOf(html, "input[name=projectQ]")).toBe("第02号");
    // The chosen 第01号 stays chosen beside the one match.
    expect(labelsOf(await optionsOf(html, "select[name=projectId] option"))).toEqual([
      "无",
      "*重点项目第01号",
      "重点项目第02号",
    ]);
    // Each picker has its 查找, named for what it finds; both send the whole form back to this page.
    const finds = await select(html, `form[action='${page}'] button[formmethod=get]`);
    expect(finds.map((b) => [b.text, b.attrs["aria-label"], b.attrs.formaction])).toEqual([
      ["查找", "查找批次", page],
      ["查找", "查找项目", page],
    ]);

    const saved = await officer.post(page, { ...typed, projectId: String(second) });
    expect(saved.status).toBe(303);
    expect(await parcelRow(p.id)).toMatchObject({ project_id: second, version: p.version + 1 });
    // The same search sent again names the version the form was first drawn from, not the parcel's new one:
    // saving that form now is the stale 409, not a silent overwrite of the change just made.
    const again = await (await officer.get(`${page}?${new URLSearchParams(typed)}`)).text();
    expect(await valueOf(again, "input[name=version]")).toBe(String(p.version));
    expect((await officer.post(page, { ...typed, projectId: "" })).status).toBe(409);
    expect(await parcelRow(p.id)).toMatchObject({ project_id: second });
  });
});
