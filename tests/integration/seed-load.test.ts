import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/domain/password";
import { DEMO_DEFAULTS, generateSeed, type SeedData } from "../../scripts/seed/generate";
import { seedStatements } from "../../scripts/seed/sql";
import { call, count } from "../helpers";

let data: SeedData;

// The demo as `npm run db:seed` loads it, into this file's own D1, then used through the real Worker.
beforeAll(async () => {
  data = generateSeed({ ...DEMO_DEFAULTS, passwordHash: await hashPassword("nanhu-demo") });
  await env.DB.batch(seedStatements(data).map((s) => env.DB.prepare(s)));
});

async function loginAs(username: string, password = "nanhu-demo") {
  return call("/api/v1/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
}

describe("demo seed loaded into D1", () => {
  it("loads every row, foreign keys and triggers notwithstanding", async () => {
    expect(await count("users")).toBe(4);
    expect(await count("batches")).toBe(data.batches.length);
    expect(await count("parcels")).toBe(360);
    expect(await count("parcel_events")).toBe(data.events.length);
  });

  it("leaves chain_totals equal to what the parcels table itself adds up to", async () => {
    const { results } = await env.DB.prepare(
      `SELECT t.state, t.count, t.area_m2 AS areaM2, count(p.id) AS n, coalesce(sum(p.area_m2), 0) AS area
       FROM chain_totals t LEFT JOIN parcels p ON p.state = t.state GROUP BY t.state`,
    ).all<{ state: string; count: number; areaM2: number; n: number; area: number }>();
    expect(results.length).toBe(8);
    for (const r of results) expect([r.state, r.count, r.areaM2]).toEqual([r.state, r.n, r.area]);
  });

  it("gives each batch the running figures its parcels add up to (batch_totals, kept by triggers)", async () => {
    const { results } = await env.DB.prepare(
      "SELECT batch_id AS id, parcel_count AS n, approved_m2 AS approved, supplied_m2 AS supplied FROM batch_totals",
    ).all<{ id: number; n: number; approved: number; supplied: number }>();
    expect(results.length).toBe(data.batches.length);
    for (const r of results) {
      const ps = data.parcels.filter((p) => p.batchId === r.id);
      const sum = (f: (p: (typeof ps)[number]) => boolean) => ps.filter(f).reduce((s, p) => s + p.areaM2, 0);
      expect([r.n, r.approved, r.supplied]).toEqual([
        ps.length,
        sum((p) => p.approvedOn !== null),
        sum((p) => p.approvedOn !== null && p.suppliedOn !== null),
      ]);
    }
  });

  it("keeps each parcel's version one above its number of events", async () => {
    const off = await count(
      "parcels p",
      "p.version <> 1 + (SELECT count(*) FROM parcel_events e WHERE e.parcel_id = p.id)",
    );
    expect(off).toBe(0);
  });

  it("lets officer / nanhu-demo log in and list the demo parcels in Chinese", async () => {
    const res = await loginAs("officer");
    expect(res.status).toBe(200);
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0];
    const list = await call("/api/v1/parcels?limit=20", { headers: { Cookie: cookie } });
    const body = (await list.json()) as { items: { town: string; name: string }[]; nextCursor: number | null };
    expect(list.status).toBe(200);
    expect(body.items.length).toBe(20);
    expect(body.nextCursor).not.toBeNull();
    expect(body.items.every((p) => /[镇道]$/.test(p.town))).toBe(true);
    expect((await loginAs("officer", "wrong-password")).status).toBe(401);
  });

  it("serves the year's target and the seeded delays through the real Worker", async () => {
    const res = await loginAs("officer");
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0];
    const dig = await call("/api/v1/digestion?year=2023&asOf=2023-06-30", { headers: { Cookie: cookie } });
    expect(dig.status).toBe(200);
    const body = (await dig.json()) as { target: { areaM2: number; areaMu: number; startRatePct: number } | null };
    // 1,800 亩 × 10,000/15 m² per 亩 = 1,200,000 m²; start rate 100%.
    expect(body.target).toEqual(expect.objectContaining({ areaM2: 1_200_000, areaMu: 1800, startRatePct: 100 }));
    expect(await count("annual_target_history", "year = 2023")).toBe(1);
    expect(await count("parcel_events", "kind = 'delay'")).toBe(2);
    expect(await count("parcels", "original_agreed_start_on <> agreed_start_on")).toBe(2);
  });

  it("accepts the next move on a seeded parcel at its stored version", async () => {
    const res = await loginAs("officer");
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0];
    const p = data.parcels.find((x) => x.state === "approved" && x.origin === "collective")!;
    const mv = await call(`/api/v1/parcels/${p.id}/moves`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ to: "acquired", date: "2023-07-03", version: p.version, docNo: "嘉南征〔2023〕300号" }),
    });
    expect(mv.status, await mv.clone().text()).toBe(200);
    expect(((await mv.json()) as { version: number }).version).toBe(p.version + 1);
  });
});
