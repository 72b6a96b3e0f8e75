import { describe, expect, it } from "vitest";
import { count, todayInShanghai } from "../helpers";
import { definitions, one, valueOf } from "../html";
import { browser, expectFieldError } from "./parcel-pages-helpers";

const valid = () => ({
  code: `330402-R${crypto.randomUUID().slice(0, 8)}`,
  name: "南湖区余新镇登记测试地块",
  town: "余新镇",
  landUse: "industrial",
  origin: "collective",
  areaValue: "616.2",
  areaUnit: "mu",
  batchId: "",
  note: "",
});

describe("register form", () => {
  it("GET /parcels/new shows the form to an officer", async () => {
    const officer = await browser("officer");
    const res = await officer.get("/parcels/new");
    const html = await res.text();
    expect(res.status).toBe(200);
    expect((await one(html, "form[action='/parcels']")).attrs.method).toBe("post");
    expect((await one(html, "label[for=reg-code]")).text).toBe("宗地编号");
    expect((await one(html, "input#reg-code")).attrs.name).toBe("code");
    const unit = await one(html, "select[name=areaUnit] option[selected]");
    expect([unit.attrs.value, unit.text]).toEqual(["mu", "亩"]);
  });

  it("registers and answers 303 to the new parcel's page", async () => {
    const officer = await browser("officer");
    const form = valid();
    const res = await officer.post("/parcels", form);
    expect(res.status).toBe(303);
    const id = Number(/^\/parcels\/(\d+)$/.exec(res.headers.get("Location")!)![1]);
    const html = await (await officer.get(`/parcels/${id}`)).text();
    // 616.2 亩 = 6162000 / 15 m² = 410800 m² = 41.0800 公顷
    const facts = await definitions(html);
    expect(facts).toContainEqual(["面积", "616.20 亩 / 41.0800 公顷"]);
    expect(facts).toContainEqual(["面积（平方米）", "410800"]);
    expect(await count("parcels", "code = ? AND state = 'planned' AND area_m2 = 410800", form.code)).toBe(1);
  });

  it("registers state-owned stock straight into the reserve", async () => {
    const officer = await browser("officer");
    const form = { ...valid(), origin: "state", state: "reserved", date: "2023-04-10", reserveNo: "储2023-007" };
    const res = await officer.post("/parcels", form);
    expect(res.status).toBe(303);
    expect(
      await count(
        "parcels",
        "code = ? AND state = 'reserved' AND reserved_on = '2023-04-10' AND reserve_no = '储2023-007'",
        form.code,
      ),
    ).toBe(1);
  });

  const refusals: [string, Record<string, string>, string, string][] = [
    ["missing code", { code: "" }, "reg-code", "必填"],
    ["missing name", { name: "  " }, "reg-name", "必填"],
    ["missing land use", { landUse: "" }, "reg-landUse", "必填"],
    ["unknown land use", { landUse: "farm" }, "reg-landUse", "不是可选的值"],
    ["missing area", { areaValue: "" }, "reg-areaValue", "必填"],
    ["area not a number", { areaValue: "十二亩" }, "reg-areaValue", "请输入数字，例如 25.5"],
    [
      "area in another unit",
      { areaValue: "25.5公顷" },
      "reg-areaValue",
      "此栏的单位是亩，填写的“25.5公顷”是公顷；请换算成亩后填写数字",
    ],
    ["area zero", { areaValue: "0" }, "reg-areaValue", "数值过小"],
    ["area under 1 m²", { areaValue: "0.4", areaUnit: "m2" }, "reg-areaValue", "面积至少 1 平方米"],
    ["unknown batch", { batchId: "999999" }, "reg-batchId", "批次不存在"],
    ["code too long", { code: "X".repeat(51) }, "reg-code", "过长，最多 50 个字符"],
    [
      "collective land into the reserve",
      { state: "reserved", date: "2023-04-10", reserveNo: "储1" },
      "reg-state",
      "只有国有土地可直接登记为已入库",
    ],
    ["reserve without date", { origin: "state", state: "reserved", reserveNo: "储1" }, "reg-date", "必填"],
    [
      "reserve without reserve no.",
      { origin: "state", state: "reserved", date: "2023-04-10" },
      "reg-reserveNo",
      "必填",
    ],
  ];

  it.each(refusals)(
    "refuses %s: 422, the message beside the field, what was typed kept, nothing written",
    async (_, over, inputId, message) => {
      const officer = await browser("officer");
      const form = { ...valid(), note: "保留这段备注", ...over };
      const before = await count("parcels");
      const res = await officer.post("/parcels", form);
      const html = await res.text();
      expect(res.status).toBe(422);
      await expectFieldError(html, inputId, message);
      expect(html).toContain("填写内容有误，请按提示修改");
      // The parser gives an attribute as written: a quote typed is &quot; there.
      expect(await valueOf(html, "#reg-name")).toBe(form.name.replaceAll('"', "&quot;"));
      expect(html).toContain(">保留这段备注</textarea>");
      expect(await count("parcels")).toBe(before);
    },
  );

  it("refuses a reserve date after today (Asia/Shanghai)", async () => {
    const officer = await browser("officer");
    const tomorrow = todayInShanghai(1);
    const before = await count("parcels");
    const res = await officer.post("/parcels", {
      ...valid(),
      origin: "state",
      state: "reserved",
      date: tomorrow,
      reserveNo: "储9",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    await expectFieldError(html, "reg-date", `业务日期不能晚于今天（${todayInShanghai()}）`);
    // What was typed comes back in the form's own fields.
    expect(await valueOf(html, 'form input[name="date"]')).toBe(tomorrow);
    expect((await one(html, 'form input[name="state"][value="reserved"]')).attrs.checked).toBeDefined();
    expect(await count("parcels")).toBe(before);
  });

  it("a duplicate code comes back with the message beside the code", async () => {
    const officer = await browser("officer");
    const form = valid();
    expect((await officer.post("/parcels", form)).status).toBe(303);
    const before = await count("parcels");
    const res = await officer.post("/parcels", { ...form, name: "第二次登记" });
    expect(res.status).toBe(409);
    const html = await res.text();
    await expectFieldError(html, "reg-code", "宗地编号已存在");
    expect(await valueOf(html, "#reg-name")).toBe("第二次登记");
    expect(await count("parcels")).toBe(before);
  });

  it("refuses a form post from another origin (CSRF) and writes nothing", async () => {
    const officer = await browser("officer");
    const before = await count("parcels");
    const res = await officer.post("/parcels", valid(), { Origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(await count("parcels")).toBe(before);
  });
});
