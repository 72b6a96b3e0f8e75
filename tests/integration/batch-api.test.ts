import { beforeAll, describe, expect, it } from "vitest";
import { createBatch, newBatch } from "../batch-fixtures";
import { call, count, session } from "../helpers";

let officer: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  officer = await session("officer");
});

type Issue = { path: string; code: string; message: string };

describe("POST /api/v1/batches (register)", () => {
  it("registers a batch with its areas in 亩 and 公顷", async () => {
    const res = await officer.json(
      "POST",
      "/api/v1/batches",
      newBatch({
        name: "南湖区2023年度第3批次城镇建设用地",
        totalArea: { value: 41.08, unit: "ha" },
        agriculturalArea: { value: 616.2, unit: "mu" },
        cultivatedArea: { value: 1.5, unit: "ha" },
        unusedArea: undefined,
        newConstructionArea: undefined,
        note: "  ",
      }),
    );
    expect(res.status).toBe(201);
    // 41.08 ha = 410,800 m² = 616.2 亩; 1.5 ha = 15,000 m² = 22.5 亩.
    expect(await res.json()).toMatchObject({
      name: "南湖区2023年度第3批次城镇建设用地",
      kind: "urban",
      authority: "省政府",
      docNo: null,
      approvedOn: null,
      note: null,
      version: 1,
      areas: {
        total: { areaM2: 410800, areaMu: 616.2, areaHa: 41.08 },
        agricultural: { areaM2: 410800, areaMu: 616.2, areaHa: 41.08 },
        cultivated: { areaM2: 15000, areaMu: 22.5, areaHa: 1.5 },
        unused: null,
        newConstruction: null,
      },
      parcelCount: 0,
      plannedCount: 0,
      supplyRate: null,
      age: null,
      approved: { areaM2: 0 },
      approvedUnsupplied: { areaM2: 0 },
      approvedUnsuppliedMu: 0,
    });
  });

  it("registers a historical batch already approved, with its age", async () => {
    const b = await createBatch(officer, { kind: "linked", docNo: "浙政土〔2019〕88号", approvedOn: "2019-06-30" });
    expect(b).toMatchObject({ kind: "linked", docNo: "浙政土〔2019〕88号", approvedOn: "2019-06-30" });
    expect((b.age as { years: number }).years).toBeGreaterThanOrEqual(7);
  });

  const BAD: [string, Record<string, unknown>, string, string][] = [
    ["a missing name", { name: undefined }, "name", "required"],
    ["a blank name", { name: "  " }, "name", "required"],
    ["an unknown kind", { kind: "rural" }, "kind", "invalid_choice"],
    ["a missing total area", { totalArea: undefined }, "totalArea", "required"],
    ["a zero total area", { totalArea: { value: 0, unit: "mu" } }, "totalArea.value", "too_small"],
    ["an area in acres", { unusedArea: { value: 1, unit: "acre" } }, "unusedArea.unit", "invalid_choice"],
    [
      "an area given as words",
      { agriculturalArea: { value: "二百五十", unit: "mu" } },
      "agriculturalArea.value",
      "not_a_number",
    ],
    [
      "cultivated land over agricultural land",
      { cultivatedArea: { value: 251, unit: "mu" } },
      "cultivatedArea",
      "batch_cultivated_over_agricultural",
    ],
    [
      "a part over the total",
      { newConstructionArea: { value: 301, unit: "mu" } },
      "newConstructionArea",
      "batch_part_over_total",
    ],
    [
      "agricultural plus unused over the total",
      { unusedArea: { value: 51, unit: "mu" } },
      "unusedArea",
      "batch_parts_over_total",
    ],
    ["an approval date without doc no.", { approvedOn: "2020-01-01" }, "docNo", "batch_doc_no_with_date"],
    ["a doc no. without approval date", { docNo: "浙政土〔2020〕1号" }, "approvedOn", "batch_date_with_doc_no"],
    ["an impossible approval date", { docNo: "X", approvedOn: "2023-02-30" }, "approvedOn", "invalid_date"],
    ["an approval date after today", { docNo: "X", approvedOn: "2099-01-01" }, "approvedOn", "after_today"],
    ["a name too long", { name: "批".repeat(201) }, "name", "too_long"],
  ];
  for (const [what, over, path, code] of BAD)
    it(`refuses ${what} with 422 in Chinese and writes nothing`, async () => {
      const before = await count("batches");
      const res = await officer.json("POST", "/api/v1/batches", newBatch(over));
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: string; message: string; issues: Issue[] };
      expect(body.error).toBe("validation");
      expect(body.issues).toContainEqual(expect.objectContaining({ path, code }));
      expect(body.issues.every((i) => /[\u4e00-\u9fff]/.test(i.message))).toBe(true);
      expect(await count("batches")).toBe(before);
    });

  it("reports every problem at once: a bad area and a doc no. without its date", async () => {
    const res = await officer.json(
      "POST",
      "/api/v1/batches",
      newBatch({ name: "", totalArea: { value: "x", unit: "mu" }, docNo: "浙政土〔2020〕1号" }),
    );
    expect(res.status).toBe(422);
    const { issues } = (await res.json()) as { issues: Issue[] };
    expect(issues.map((i) => `${i.path}:${i.code}`).sort()).toEqual([
      "approvedOn:batch_date_with_doc_no",
      "name:required",
      "totalArea.value:not_a_number",
    ]);
  });

  it("answers 401 without a session and 403 to a viewer or a lead, writing nothing", async () => {
    const before = await count("batches");
    const anon = await call("/api/v1/batches", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(newBatch()),
    });
    expect(anon.status).toBe(401);
    for (const role of ["viewer", "lead"] as const) {
      const res = await (await session(role)).json("POST", "/api/v1/batches", newBatch());
      expect(res.status).toBe(403);
    }
    expect(await count("batches")).toBe(before);
  });

  it("lets an admin register a batch", async () => {
    expect((await (await session("admin")).json("POST", "/api/v1/batches", newBatch())).status).toBe(201);
  });

  it("takes only JSON (415 otherwise)", async () => {
    const res = await call("/api/v1/batches", {
      method: "POST",
      headers: { Cookie: officer.cookie, "Content-Type": "text/plain" },
      body: "{}",
    });
    expect(res.status).toBe(415);
  });
});

describe("GET /api/v1/batches/:id", () => {
  it("shows a batch with its (empty) parcel list", async () => {
    const b = await createBatch(officer);
    const viewer = await session("viewer");
    const res = await viewer.json("GET", `/api/v1/batches/${b.id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: b.id, parcels: [] });
  });

  it("answers 404 for an unknown or malformed id and 401 without a session", async () => {
    expect((await officer.json("GET", "/api/v1/batches/999999")).status).toBe(404);
    expect((await officer.json("GET", "/api/v1/batches/abc")).status).toBe(404);
    expect((await call("/api/v1/batches/1")).status).toBe(401);
  });
});
