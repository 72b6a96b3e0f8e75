import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { call, knownTown, newParcel, session } from "../helpers";

const tag = crypto.randomUUID().slice(0, 6);
// Each text field gets its own payload, so a leak names the field that leaked.
const PAYLOAD = {
  code: `<i>c</i>-${tag}`,
  name: `<script>alert("name")</script>`,
  town: `"><img src=x onerror=alert("town")>`,
  docNo: `<svg onload=alert("doc")>`,
  note: `</textarea><script>alert("note")</script>`,
  batch: `<script>alert("batch")</script>南湖区批次`,
};
/** The same text as hono/jsx escapes it in text and attribute positions. */
const escaped = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const RAW_MARKERS = ["<i>c</i>", "<script>alert(", "<img src=x", "<svg onload", "</textarea><script>"];

describe("text typed by users comes back escaped", () => {
  it("in every page and fragment, and visibly on the parcel's own pages", async () => {
    const officer = await session("officer");
    const batch = await officer.json("POST", "/api/v1/batches", {
      name: PAYLOAD.batch,
      kind: "urban",
      totalArea: { value: 100, unit: "mu" },
    });
    expect(batch.status).toBe(201);
    const batchId = ((await batch.json()) as { id: number }).id;
    await knownTown(PAYLOAD.town);
    const reg = await officer.json(
      "POST",
      "/api/v1/parcels",
      newParcel({ code: PAYLOAD.code, name: PAYLOAD.name, town: PAYLOAD.town, batchId }),
    );
    expect(reg.status).toBe(201);
    const parcelId = ((await reg.json()) as { id: number }).id;
    const move = await officer.json("POST", `/api/v1/parcels/${parcelId}/moves`, {
      to: "approved",
      date: "2023-03-01",
      version: 1,
      docNo: PAYLOAD.docNo,
      note: PAYLOAD.note,
    });
    expect(move.status).toBe(200);

    const ids: Record<string, number> = { parcels: parcelId, batches: batchId };
    const pages = [
      ...new Set(
        app.routes
          .filter(
            (r) => r.method === "GET" && !r.path.startsWith("/api/") && !["/assets/:file", "/healthz"].includes(r.path),
          )
          .map((r) => r.path),
      ),
    ];
    const bodies = new Map<string, string>();
    for (const pattern of pages) {
      const path =
        pattern.replace(/\/([a-z-]+)\/:id/g, (_m, kind: string) => `/${kind}/${ids[kind] ?? 1}`) +
        (pattern === "/parcels" ? `?q=${encodeURIComponent(PAYLOAD.code)}` : "");
      for (const fragment of [false, true]) {
        const res = await call(path, {
          headers: { Cookie: officer.cookie, ...(fragment ? { "HX-Request": "true" } : {}) },
          redirect: "manual",
        });
        const html = await res.text();
        // A file download (the work-list CSV) is data, not markup: it must never render as a page.
        if (res.headers.get("Content-Type")?.startsWith("text/csv")) {
          expect(res.headers.get("Content-Disposition"), path).toMatch(/^attachment;/);
          expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
          continue;
        }
        for (const marker of RAW_MARKERS)
          expect(html, `${path}${fragment ? " (fragment)" : ""} leaks ${marker}`).not.toContain(marker);
        bodies.set(`${pattern}${fragment ? " fragment" : ""}`, html);
      }
    }
    expect(pages).toEqual(expect.arrayContaining(["/parcels", "/parcels/:id"]));
    for (const view of ["/parcels/:id", "/parcels/:id fragment"]) {
      for (const field of ["code", "name", "town", "docNo"] as const)
        expect(bodies.get(view), `${view} ${field}`).toContain(escaped(PAYLOAD[field]));
    }
    for (const view of ["/parcels", "/parcels fragment"]) {
      for (const field of ["code", "name", "town"] as const)
        expect(bodies.get(view), `${view} ${field}`).toContain(escaped(PAYLOAD[field]));
    }
    // The batch pages, once they exist, must show its name escaped too.
    for (const view of ["/batches/:id", "/batches/:id fragment"].filter((v) => bodies.has(v)))
      expect(bodies.get(view), view).toContain(escaped(PAYLOAD.batch));
  });
});
