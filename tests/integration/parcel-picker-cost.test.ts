import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { BASE } from "../helpers";
import { select } from "../html";
import { capture, planOf } from "../plan-capture";
import { apiParcel, browser } from "./parcel-pages-helpers";
import { idNamed, insertHistoricBatches, insertProjects } from "./picker-helpers";
import { HOSTILE_STRINGS } from "./security-hostile-arbitraries";

// What the pickers cost, as `npm run bench` measures the parcel edit form (BENCH=1: X-Rows-Read), and that no query
// string breaks a page that has one. Storage is per file: 600 batches and 500 projects (the benchmark district's
// projects), and one parcel in the oldest of each.
let officer: Awaited<ReturnType<typeof browser>>;
let parcelId: number;

beforeAll(async () => {
  await insertHistoricBatches(600);
  await insertProjects(500);
  officer = await browser("officer");
  const batchId = await idNamed("batches", "南湖区历史批次第001号");
  const projectId = await idNamed("projects", "重点项目第01号");
  parcelId = (await apiParcel(officer.api, { batchId, projectId })).id;
});

const bench = (path: string) =>
  app.fetch(new Request(BASE + path, { headers: { Cookie: officer.cookie } }), { ...env, BENCH: "1" });

async function editForm() {
  const res = await bench(`/parcels/${parcelId}/edit`);
  expect(res.status).toBe(200);
  const html = await res.text();
  return {
    rows: Number(res.headers.get("X-Rows-Read")),
    options: (await select(html, "option")).length,
    batchOptions: (await select(html, "select[name=batchId] option")).length,
    projectOptions: (await select(html, "select[name=projectId] option")).length,
  };
}

describe("what the pickers read", () => {
  it("the edit form reads within the bench's budget, and not one row more with 400 more batches and 100 more projects", async () => {
    const before = await editForm();
    // Each picker: the blank choice, the parcel's own (the oldest, outside the newest), and the 30 newest = 32.
    expect([before.batchOptions, before.projectOptions]).toEqual([32, 32]);
    // The bench's budget, rows shown being every option on the page (towns, land uses … included).
    expect(before.rows).toBeLessThanOrEqual(2 * before.options + 10);
    // Older batches (approved in the 1990s) and newer projects: the newest 31 of each are still 31 rows.
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
       INSERT INTO batches (name, kind, approved_on) SELECT '更早批次' || i, 'urban', date('1990-01-01', '+' || i || ' days') FROM n`,
    ).run();
    await insertProjects(100);
    expect(await editForm()).toEqual(before);
  });

  it("plans the newest batches on batches_newest_idx, with no sort of the table", async () => {
    const { res, statements } = await capture("/batches/choices?batchQ=&batchId=", {
      headers: { Cookie: officer.cookie },
    });
    expect(res.status).toBe(200);
    const matches = statements.filter((s) => /from "batches"/i.test(s.sql) && /order by/i.test(s.sql));
    expect(matches).toHaveLength(1);
    const plan = (await planOf(matches[0])).join("\n");
    expect(plan).toContain("batches_newest_idx");
    expect(plan).not.toContain("TEMP B-TREE");
  });
});

// Every page with a picker, with what its forms send and more.
const KEYS = ["batchQ", "projectQ", "batchId", "projectId", "version", "to", "name", "reason", "town", "areaUnit"];
const value = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 2000)),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.integer().map(String),
  fc.constantFrom("%".repeat(60), "_".repeat(60), "\\".repeat(30), "地".repeat(200), "9".repeat(40), "-1", "0x10"),
);
const queryString = fc.oneof(
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), value), { maxLength: 6 })
    .map((pairs) => new URLSearchParams(pairs).toString()),
  fc.constantFrom("batchQ=%", "batchQ=%E0%A4%A", "projectQ=%ZZ", "batchId=%00", "version=1e309&batchId=1e309"),
);

describe("hostile query strings on the pages with a picker", () => {
  it("never answer 5xx, with or without htmx", async () => {
    const paths = [
      "/parcels/new",
      `/parcels/${parcelId}/edit`,
      `/parcels/${parcelId}`,
      `/parcels/${parcelId}/move-fields`,
      "/batches/choices",
      "/projects/choices",
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), queryString, fc.boolean(), async (path, qs, htmx) => {
        const res = await officer.get(`${path}?${qs}`, htmx ? { "HX-Request": "true" } : {});
        const text = await res.text();
        expect(res.status, `${path}?${qs} ${text.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 150, endOnFailure: true },
    );
  }, 120_000);
});
