import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { BASE, call, session, newParcel } from "../helpers";

/** The real app with BENCH=1, as `npm run bench` starts it. */
const benchCall = (path: string, cookie: string) =>
  app.fetch(new Request(BASE + path, { headers: { Cookie: cookie } }), { ...env, BENCH: "1" });

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
    // Session: 1 row of sessions by primary key + 1 row of users by primary key = 2.
    // List with limit 5 reads limit + 1 = 6 parcels walking the primary key downwards. Total 8.
    const res = await benchCall("/api/v1/parcels?limit=5", officer.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Rows-Read")).toBe("8");
    // Two round trips: the session lookup, then the page.
    expect(res.headers.get("X-D1-Calls")).toBe("2");
    const plain = await call("/api/v1/parcels?limit=5", { headers: { Cookie: officer.cookie } });
    expect(await res.json()).toEqual(await plain.json());
  });
});
