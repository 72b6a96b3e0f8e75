import { describe, expect, it } from "vitest";
import { call, count, session } from "../helpers";
import { browser, expectFieldError } from "./parcel-pages-helpers";

const post = (c: { json: (m: string, p: string, b?: unknown) => Promise<Response> }, body: unknown) =>
  c.json("POST", "/api/v1/targets", body);
const snapshot = async () => [await count("annual_targets"), await count("annual_target_history")];

describe("POST /api/v1/targets", () => {
  it("sets a year (rates default 100% and 90%), logs who and when, and changes it at its version", async () => {
    const admin = await session("admin");
    const r = await post(admin, { year: 2041, digestionAreaMu: 1800 });
    expect(r.status).toBe(200);
    // 1800 亩 × 2000/3 m² = 1,200,000 m².
    expect(await r.json()).toMatchObject({
      year: 2041,
      digestionAreaMu: 1800,
      digestionAreaM2: 1200000,
      startRatePct: 100,
      completionRatePct: 90,
      version: 1,
    });
    const again = await post(admin, { year: 2041, digestionAreaMu: 1500, startRatePct: 95, version: 1 });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ digestionAreaMu: 1500, startRatePct: 95, version: 2 });
    expect(await count("annual_target_history", "year = 2041 AND actor_id = ?", admin.id)).toBe(2);
    const list = (await (await admin.json("GET", "/api/v1/targets")).json()) as { items: { year: number }[] };
    expect(list.items.map((x) => x.year)).toContain(2041);
    // The digestion figures now measure against it.
    const d = (await (await admin.json("GET", "/api/v1/digestion?year=2041&asOf=2041-03-01")).json()) as {
      target: { areaMu: number };
    };
    expect(d.target.areaMu).toBe(1500);
  });

  it("a stale version or a second first-setting is a 409 and writes nothing", async () => {
    const admin = await session("admin");
    expect((await post(admin, { year: 2042, digestionAreaMu: 100 })).status).toBe(200);
    const before = await snapshot();
    expect((await post(admin, { year: 2042, digestionAreaMu: 200 })).status).toBe(409);
    expect((await post(admin, { year: 2042, digestionAreaMu: 200, version: 7 })).status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses each invalid field with 422 and writes nothing", async () => {
    const admin = await session("admin");
    const before = await snapshot();
    for (const [body, path] of [
      [{ digestionAreaMu: 10 }, "year"],
      [{ year: 1800, digestionAreaMu: 10 }, "year"],
      [{ year: 2043, digestionAreaMu: 0 }, "digestionAreaMu"],
      [{ year: 2043, digestionAreaMu: "十" }, "digestionAreaMu"],
      [{ year: 2043, digestionAreaMu: 10, startRatePct: 101 }, "startRatePct"],
      [{ year: 2043, digestionAreaMu: 10, completionRatePct: -1 }, "completionRatePct"],
    ] as const) {
      const r = await post(admin, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(((await r.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(path);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("an officer or viewer gets 403, no session 401", async () => {
    const before = await snapshot();
    for (const role of ["officer", "viewer"] as const)
      expect((await post(await session(role), { year: 2044, digestionAreaMu: 1 })).status).toBe(403);
    const anon = await call("/api/v1/targets", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(anon.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });
});

describe("/admin/targets page", () => {
  it("saves through the form (303) and shows a refusal beside the field (422), nothing written", async () => {
    const admin = await browser("admin");
    const ok = await admin.post("/admin/targets", {
      year: "2045",
      digestionAreaMu: "1800",
      startRatePct: "100",
      completionRatePct: "90",
    });
    expect(ok.status).toBe(303);
    const page = await (await admin.get("/admin/targets")).text();
    expect(page).toContain("<td>2045</td>");
    const before = await snapshot();
    const bad = await admin.post("/admin/targets", { year: "2046", digestionAreaMu: "-5" });
    expect(bad.status).toBe(422);
    await expectFieldError(await bad.text(), "tg-digestionAreaMu", "数值过小");
    expect(await snapshot()).toEqual(before);
  });

  it("is for admins only; the digestion page of a year without a target links admins here", async () => {
    const officer = await browser("officer");
    expect((await officer.get("/admin/targets")).status).toBe(403);
    const officerPage = await (await officer.get("/digestion?year=2047&asOf=2047-01-05")).text();
    expect(officerPage).toContain("2047年度尚未设定消化目标。");
    expect(officerPage).not.toContain('href="/admin/targets"');
    const admin = await browser("admin");
    expect(await (await admin.get("/digestion?year=2047&asOf=2047-01-05")).text()).toContain('href="/admin/targets"');
  });
});
