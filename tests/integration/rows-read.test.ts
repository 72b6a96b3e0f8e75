import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { BASE, call, session, newParcel } from "../helpers";

/** The real app with BENCH=1, as `npm run bench` starts it. */
const benchCall = (path: string, cookie: string, headers: Record<string, string> = {}) =>
  app.fetch(new Request(BASE + path, { headers: { Cookie: cookie, ...headers } }), { ...env, BENCH: "1" });

describe("X-Rows-Read (bench recorder)", () => {
  it("is absent when BENCH is not set", async () => {
    const officer = await session("officer");
    const res = await call("/api/v1/parcels?limit=5", { headers: { Cookie: officer.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Rows-Read")).toBeNull();
  });

  it("reads no rows for /healthz", async () => {
    const res = await benchCall("/healthz", "");
    expect(res.headers.get("X-Rows-Read")).toBe("0");
    expect(res.headers.get("X-D1-Calls")).toBe("0");
  });

  it("counts the session lookup and the page's rows, and leaves the answer unchanged", async () => {
    const officer = await session("officer");
    for (let i = 0; i < 7; i++) expect((await officer.json("POST", "/api/v1/parcels", newParcel())).status).toBe(201);
    // Session: the touch looks up 1 sessions row by primary key, the lookup 1 sessions row + 1 users row = 3.
    // List with limit 5 reads limit + 1 = 6 parcels walking the primary key downwards; the count and
    // area of all matches are 1 parcel_tallies row by primary key. Total 3 + 6 + 1 = 10.
    const res = await benchCall("/api/v1/parcels?limit=5", officer.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Rows-Read")).toBe("10");
    // One round trip: the session lookup travels in the page's own batch.
    expect(res.headers.get("X-D1-Calls")).toBe("1");
    const plain = await call("/api/v1/parcels?limit=5", { headers: { Cookie: officer.cookie } });
    expect(await res.json()).toEqual(await plain.json());
  });

  it("reads about two rows a match for a search by a rare word, however many parcels there are", async () => {
    const officer = await session("officer");
    // 300 parcels holding common words, 3 holding a rare one.
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
       INSERT INTO parcels (code, name, town, land_use, origin, area_m2, state)
       SELECT 'RR-' || i, '凤桥镇新篁村以北地块' || i, '凤桥镇', 'industrial', 'collective', 1000, 'planned' FROM n`,
    ).run();
    for (let i = 0; i < 3; i++)
      expect((await officer.json("POST", "/api/v1/parcels", newParcel({ name: `检索桥头堡${i}号地块` }))).status).toBe(
        201,
      );
    // As typing in the filter sends it (htmx: the rows only), which is what the bench's probe measures.
    const res = await benchCall(`/parcels?q=${encodeURIComponent("桥头堡")}`, officer.cookie, { "HX-Request": "true" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("共 3\u00a0宗");
    // The bench's budget for a list: rows read ≤ 2 × rows shown + 10 = 2 × 3 + 10 = 16. By hand: session 3;
    // the list: the pieces' counts 2 (桥头, 头堡), the rarest piece's 3 postings and 1 past them, 3 parcels = 9;
    // the count: the pieces' counts again 2, and no match read since 3 ≤ a page of 50. 3 + 9 + 2 = 14.
    expect(res.headers.get("X-Rows-Read")).toBe("14");
    expect(res.headers.get("X-D1-Calls")).toBe("1");
    // The whole page also reads the towns for the filter's select: the 13 the migration seeds. 14 + 13 = 27.
    const page = await benchCall(`/parcels?q=${encodeURIComponent("桥头堡")}`, officer.cookie);
    expect(page.headers.get("X-Rows-Read")).toBe("27");
    expect(page.headers.get("X-D1-Calls")).toBe("1");
  });

  it("makes one D1 round trip per GET page and at most two per write (read, then the guarded write batch)", async () => {
    const officer = await session("officer");
    const calls = async (path: string, init: RequestInit = {}) => {
      const res = await app.fetch(
        new Request(BASE + path, { ...init, headers: { Cookie: officer.cookie, ...init.headers } }),
        { ...env, BENCH: "1" },
      );
      await res.arrayBuffer();
      return [res.status, res.headers.get("X-D1-Calls")];
    };
    const json = { "Content-Type": "application/json" };
    const created = await officer.json("POST", "/api/v1/parcels", newParcel());
    const p = (await created.json()) as { id: number; version: number };
    for (const path of [
      "/",
      "/parcels",
      `/parcels/${p.id}`,
      "/batches",
      "/api/v1/parcels",
      `/api/v1/parcels/${p.id}`,
      "/api/v1/batches",
    ])
      expect(await calls(path), path).toEqual([200, "1"]);
    expect(
      await calls("/api/v1/parcels", { method: "POST", headers: json, body: JSON.stringify(newParcel()) }),
    ).toEqual([201, "2"]);
    const move = { to: "approved", date: "2023-03-01", version: p.version, docNo: "浙政土〔2023〕1号" };
    expect(
      await calls(`/api/v1/parcels/${p.id}/moves`, {
        method: "POST",
        headers: { ...json, "Idempotency-Key": "rt-1" },
        body: JSON.stringify(move),
      }),
    ).toEqual([200, "2"]);
    // The replay is answered from the first read alone.
    expect(
      await calls(`/api/v1/parcels/${p.id}/moves`, {
        method: "POST",
        headers: { ...json, "Idempotency-Key": "rt-1" },
        body: JSON.stringify(move),
      }),
    ).toEqual([200, "1"]);
  });
});
