import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { call, count } from "../helpers";
import { definitions, one, valueOf } from "../html";
import { browser } from "./parcel-pages-helpers";

let officer: Awaited<ReturnType<typeof browser>>;
let viewer: Awaited<ReturnType<typeof browser>>;
beforeAll(async () => {
  officer = await browser("officer");
  viewer = await browser("viewer");
});

const valid = () => ({
  name: `南湖区2023年度第9批次城镇建设用地-${crypto.randomUUID().slice(0, 6)}`,
  kind: "urban",
  authority: "省政府",
  unit: "ha",
  totalArea: "41.08",
  agriculturalArea: "30",
  cultivatedArea: "20",
  unusedArea: "",
  newConstructionArea: "",
  docNo: "",
  approvedOn: "",
  note: "",
});

describe("register form (GET /batches/new, POST /batches)", () => {
  it("shows the form to an officer, not to a viewer", async () => {
    const html = await (await officer.get("/batches/new")).text();
    expect((await one(html, "form[action='/batches']")).attrs.method).toBe("post");
    expect((await one(html, "label[for=batch-totalArea]")).text).toBe("批准总面积");
    expect((await viewer.get("/batches/new")).status).toBe(403);
  });

  it("registers and answers 303 to the batch, areas converted from 公顷", async () => {
    const form = valid();
    const res = await officer.post("/batches", form);
    expect(res.status).toBe(303);
    const id = Number(/^\/batches\/(\d+)$/.exec(res.headers.get("Location")!)![1]);
    // 41.08 公顷 = 410,800 m² = 616.20 亩; 30 公顷 = 300,000 m²; 20 公顷 = 200,000 m².
    expect(
      await env.DB.prepare("SELECT total_m2, agricultural_m2, cultivated_m2, unused_m2 FROM batches WHERE id = ?")
        .bind(id)
        .first(),
    ).toEqual({
      total_m2: 410800,
      agricultural_m2: 300000,
      cultivated_m2: 200000,
      unused_m2: null,
    });
    const html = await (await officer.get(`/batches/${id}`)).text();
    // A no-break space keeps each figure with its unit.
    expect(await definitions(html)).toContainEqual(["批准总面积", "616.20\u00a0亩 / 41.0800\u00a0公顷"]);
  });

  const refusals: [string, Record<string, string>, string, string][] = [
    ["a missing name", { name: "" }, "batch-name", "必填"],
    ["a missing kind", { kind: "" }, "batch-kind", "必填"],
    ["a missing total area", { totalArea: "" }, "batch-totalArea", "必填"],
    ["a total area in words", { totalArea: "四十公顷" }, "batch-totalArea", "请输入数字，例如 25.5"],
    ["a zero total area", { totalArea: "0" }, "batch-totalArea", "数值过小"],
    ["cultivated over agricultural", { cultivatedArea: "31" }, "batch-cultivatedArea", "耕地面积不能大于农用地面积"],
    ["a part over the total", { newConstructionArea: "42" }, "batch-newConstructionArea", "不能大于批准总面积"],
    ["a date without doc no.", { approvedOn: "2020-05-01" }, "batch-docNo", "填写了批准日期时须填写批准文号"],
    ["a doc no. without date", { docNo: "浙政土〔2020〕9号" }, "batch-approvedOn", "填写了批准文号时须填写批准日期"],
    [
      "an approval date after today",
      { docNo: "X", approvedOn: "2099-01-01" },
      "batch-approvedOn",
      "业务日期不能晚于今天",
    ],
  ];
  for (const [what, over, inputId, message] of refusals)
    it(`refuses ${what} in Chinese next to the field, keeps what was typed, writes nothing`, async () => {
      const before = await count("batches");
      const form = { ...valid(), ...over };
      const res = await officer.post("/batches", form);
      expect(res.status).toBe(422);
      const html = await res.text();
      expect((await one(html, `#${inputId}`)).attrs["aria-invalid"]).toBe("true");
      expect((await one(html, `#${inputId}-error`)).text).toContain(message);
      expect(await valueOf(html, "#batch-name")).toBe(form.name);
      const unit = await one(html, "select[name=unit] option[selected]");
      expect([unit.attrs.value, unit.text]).toEqual(["ha", "公顷"]);
      expect(await count("batches")).toBe(before);
    });

  it("refuses a viewer (403), sends an anonymous browser to log in, and refuses a cross-site post — writing nothing", async () => {
    const before = await count("batches");
    expect((await viewer.post("/batches", valid())).status).toBe(403);
    const anon = await call("/batches", {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://127.0.0.1:8787" },
      body: new URLSearchParams(valid()).toString(),
    });
    expect(anon.status).toBe(303);
    expect(anon.headers.get("Location")).toContain("/login");
    const anonHtmx = await call("/batches", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "http://127.0.0.1:8787",
        "HX-Request": "true",
      },
      body: new URLSearchParams(valid()).toString(),
    });
    expect(anonHtmx.status).toBe(401);
    expect((await officer.post("/batches", valid(), { Origin: "https://evil.example" })).status).toBe(403);
    expect(await count("batches")).toBe(before);
  });
});
