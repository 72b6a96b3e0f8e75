import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { capture, expectIndexed as expectPlanned, planOf, planProblem } from "../plan-capture";
import { newParcel, session } from "../helpers";

// Every hot path is sent through the real app with its D1 statements recorded; each statement's
// EXPLAIN QUERY PLAN must use an index (docs/ARCHITECTURE.md (D1 rules)): no SCAN of parcels or parcel_events,
// no sorting a whole filter's rows to show one page.

let officer: Awaited<ReturnType<typeof session>>;
let batchId: number;
let firstId: number;

beforeAll(async () => {
  officer = await session("officer");
  const batch = await env.DB.prepare(
    "INSERT INTO batches (name, kind) VALUES ('QP批次', 'linked') RETURNING id",
  ).first<{ id: number }>();
  batchId = batch!.id;
  // 300 parcels spread over states, towns, land uses, a batch and projects, each with one event.
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
     INSERT INTO parcels (code, name, town, land_use, origin, area_m2, state, version, batch_id, project_id)
     SELECT 'QP-' || i, '测试地块' || i, CASE i % 3 WHEN 0 THEN '凤桥镇' WHEN 1 THEN '新丰镇' ELSE '余新镇' END,
       CASE i % 2 WHEN 0 THEN 'industrial' ELSE 'residential' END, 'collective', 1000 + i,
       CASE i % 4 WHEN 0 THEN 'planned' WHEN 1 THEN 'approved' WHEN 2 THEN 'acquired' ELSE 'reserved' END, 2,
       CASE WHEN i % 5 = 0 THEN ?1 END, CASE WHEN i % 7 = 0 THEN i % 3 + 1 END FROM n`,
  )
    .bind(batchId)
    .run();
  await env.DB.prepare(
    `INSERT INTO parcel_events (parcel_id, kind, from_state, to_state, "on", data, actor_id, recorded_at, version)
     SELECT id, 'move', 'planned', state, '2023-03-01', '{}', ?1, '2023-03-01T02:00:00.000Z', 2 FROM parcels WHERE code LIKE 'QP-%'`,
  )
    .bind(officer.id)
    .run();
  firstId = (await env.DB.prepare("SELECT min(id) AS id FROM parcels WHERE code LIKE 'QP-%'").first<{ id: number }>())!
    .id;
});

// The list names each row's batch by one primary-key lookup.
const BATCH_NAME_LOOKUP = "SEARCH batches USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN";

/** Every statement of one request, as the officer, planned on an index. */
const expectIndexed = (path: string, init: RequestInit = {}, status = 200) =>
  expectPlanned(officer.cookie, path, init, status);

const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe("query plans of the hot paths", () => {
  it("lists the first page without a filter by walking the primary key", () => expectIndexed("/api/v1/parcels"));
  it("lists a later page by cursor", () => expectIndexed(`/api/v1/parcels?cursor=${firstId + 200}`));
  it("filters by state", () => expectIndexed("/api/v1/parcels?state=approved"));
  it("filters by state on a later page", () => expectIndexed(`/api/v1/parcels?state=approved&cursor=${firstId + 150}`));
  it("filters by town", () => expectIndexed(`/api/v1/parcels?town=${encodeURIComponent("新丰镇")}`));
  it("filters by land use", () => expectIndexed("/api/v1/parcels?landUse=industrial"));
  it("filters by batch", () => expectIndexed(`/api/v1/parcels?batchId=${batchId}`));
  it("filters by project", () => expectIndexed("/api/v1/parcels?projectId=2"));
  // A search walks the postings of its rarest two-character piece (parcel_grams, kept by triggers) in
  // parcel id order and checks those rows, at most 5,001; page, count and area all come from them.
  it("searches any part of the name by its rarest piece, list and count, with no scan", async () => {
    const statements = await expectIndexed(`/api/v1/parcels?q=${encodeURIComponent("试地块12")}`);
    const list = statements.find((s) => /"batch_name"/.test(s.sql))!;
    // The pieces' counts pick the rarest, one primary-key lookup each and no sort; its postings come
    // in parcel id order, so no sort either; each posting's parcel by its id.
    const plan = await planOf(list);
    expect(plan.filter((step) => !/^SCALAR SUBQUERY/.test(step))).toEqual([
      "SEARCH parcel_grams USING PRIMARY KEY (gram=?)",
      ...plan.filter((step) => /gc /.test(step)),
      "SEARCH parcels USING INTEGER PRIMARY KEY (rowid=?)",
      BATCH_NAME_LOOKUP,
    ]);
    // 试地块12: pieces 试地, 地块, 块1, 12, each looked up once.
    expect(plan.filter((step) => /gc /.test(step))).toEqual(Array(4).fill("SEARCH gc USING PRIMARY KEY (gram=?)"));
  });
  it("searches with a filter, on a later page, and a previous page, with no scan", async () => {
    await expectIndexed(`/api/v1/parcels?q=${encodeURIComponent("测试")}&state=approved`);
    await expectIndexed(`/api/v1/parcels?q=qp&cursor=${firstId + 250}`);
    await expectIndexed(`/api/v1/parcels?q=qp&before=${firstId + 100}`);
  });
  it("a one-character search walks the code's unique index in code order", async () => {
    const statements = await expectIndexed("/api/v1/parcels?q=Q");
    const list = statements.find((s) => /"batch_name"/.test(s.sql))!;
    expect((await planOf(list))[0]).toMatch(/^SEARCH parcels USING INDEX parcels_code_uq \(code>\? AND code<\?\)/);
  });
  it.each(["code", "area", "approved", "state"])(
    "sorts by %s on its own index, both ways and by keyset",
    async (sort) => {
      await expectIndexed(`/api/v1/parcels?sort=${sort}`);
      await expectIndexed(`/parcels?sort=${sort}&dir=asc`);
      await expectIndexed(`/parcels?sort=${sort}&dir=desc&cursor=${firstId + 30}`);
      await expectIndexed(`/parcels?sort=${sort}&before=${firstId + 30}`, { headers: { "HX-Request": "true" } });
    },
  );
  it("filters by approval year and by batch name on indexes", async () => {
    await expectIndexed("/api/v1/parcels?year=2023");
    await expectIndexed(`/parcels?batch=${encodeURIComponent("QP批次")}`);
  });
  it("counts a filtered list from one row of the tallies", async () => {
    const { statements } = await capture(`/parcels?state=reserved&town=${encodeURIComponent("凤桥镇")}`, {
      headers: { Cookie: officer.cookie },
    });
    const totals = statements.find((s) => /from "parcel_tallies"/.test(s.sql))!;
    expect(await planOf(totals)).toEqual([
      "SEARCH parcel_tallies USING PRIMARY KEY (state=? AND town=? AND land_use=? AND batch_key=? AND approval_year=?)",
    ]);
  });
  it("the plan check itself flags a scan", async () => {
    const s = { sql: "select id from parcels where name = ?", params: ["x"] };
    expect(planProblem(s, await planOf(s))).toBe("SCAN parcels");
  });
  it("filters by state and town together on one index holding both, so it reads only the page", async () => {
    await expectIndexed(`/api/v1/parcels?state=reserved&town=${encodeURIComponent("凤桥镇")}`);
    const { statements } = await capture(`/api/v1/parcels?state=reserved&town=${encodeURIComponent("凤桥镇")}`, {
      headers: { Cookie: officer.cookie },
    });
    const list = statements.find((s) => /from "parcels" left join "batches"/.test(s.sql))!;
    expect(await planOf(list)).toEqual([
      "SEARCH parcels USING INDEX parcels_town_state_idx (town=? AND state=?)",
      BATCH_NAME_LOOKUP,
    ]);
  });
  it("shows a parcel with its events", () => expectIndexed(`/api/v1/parcels/${firstId + 10}`));
  it("shows the home page's chain totals", () => expectIndexed("/"));
  it("reads the home page's role-gated work on indexes: a lead's projects by their ids, the start warnings by start", async () => {
    const lead = await session("lead");
    const { statements } = await capture("/", { headers: { Cookie: lead.cookie } });
    await expectPlanned(lead.cookie, "/");
    const plans = await Promise.all(statements.map(planOf));
    // Whoever asks, no statement reads the whole projects table.
    expect(plans.flat().filter((step) => /^SCAN projects\b/.test(step))).toEqual([]);
    // The lead's own project ids: the session, its user (a lead, or no row), then the projects they created
    // or lead, each by its index; every parcel of those projects by parcels_project_idx.
    const ownIds = [
      "LIST SUBQUERY 1",
      "SEARCH sessions USING INDEX sqlite_autoindex_sessions_1 (id=?)",
      "SEARCH users USING INTEGER PRIMARY KEY (rowid=?)",
      "MULTI-INDEX OR",
      "INDEX 1",
      "SEARCH projects USING INDEX projects_created_by_idx (created_by=?)",
      "INDEX 2",
      "SEARCH projects USING INDEX projects_leader_idx (leader=?)",
      "CREATE BLOOM FILTER",
    ];
    const planFor = (re: RegExp) => plans[statements.findIndex((s) => re.test(s.sql))];
    expect(planFor(/^select "project_id".* from "parcels" where/)).toEqual([
      "SEARCH parcels USING INDEX parcels_project_idx (project_id=?)",
      ...ownIds,
    ]);
    expect(planFor(/ from "problems" where/)).toEqual([
      "SEARCH problems USING INDEX problems_status_idx (status=? AND project_id=?)",
      ...ownIds,
    ]);
    // The start warnings: unstarted parcels from the earliest window's first day on, and those started after
    // today (none), both on parcels_unstarted_start_idx, unsorted.
    const windows = planFor(/INDEXED BY parcels_unstarted_start_idx/);
    expect(windows.filter((step) => /^SEARCH parcels|TEMP B-TREE/.test(step))).toEqual([
      "SEARCH parcels USING INDEX parcels_unstarted_start_idx (started_on=? AND agreed_start_on>?)",
      "SEARCH parcels USING INDEX parcels_unstarted_start_idx (started_on>?)",
    ]);
  });

  it("renders the list page and its htmx fragment", async () => {
    await expectIndexed(`/parcels?state=acquired&town=${encodeURIComponent("余新镇")}`);
    await expectIndexed(`/parcels?cursor=${firstId + 100}`, { headers: { "HX-Request": "true" } });
  });
  it("renders a parcel's page", () => expectIndexed(`/parcels/${firstId + 20}`));
  it("renders the batch list and a batch with its parcels", async () => {
    await expectIndexed("/batches");
    await expectIndexed(`/batches/${batchId}`);
    await expectIndexed(`/api/v1/batches/${batchId}`);
  });
  it("approves a batch, moving its planned parcels as one set", async () => {
    const batch = await env.DB.prepare(
      "INSERT INTO batches (name, kind) VALUES ('QP待批批次', 'standalone') RETURNING id",
    ).first<{ id: number }>();
    for (let i = 0; i < 3; i++)
      expect((await officer.json("POST", "/api/v1/parcels", newParcel({ batchId: batch!.id }))).status).toBe(201);
    await expectIndexed(
      `/api/v1/batches/${batch!.id}/approval`,
      postJson({ docNo: "浙土字〔2023〕9号", date: "2023-05-06" }),
    );
  });

  it("registers a parcel (code uniqueness, totals)", () =>
    expectIndexed("/api/v1/parcels", postJson(newParcel()), 201));

  it("moves a parcel: guarded UPDATE, event INSERT, totals, idempotency lookup", async () => {
    const created = await officer.json("POST", "/api/v1/parcels", newParcel());
    const p = (await created.json()) as { id: number; version: number };
    const move = { to: "approved", date: "2023-05-06", version: p.version, docNo: "嘉政土〔2023〕1号" };
    await expectIndexed(`/api/v1/parcels/${p.id}/moves`, postJson(move, { "Idempotency-Key": `qp-${p.id}` }));
  });

  it("corrects the latest move", async () => {
    const created = await officer.json("POST", "/api/v1/parcels", newParcel());
    const p = (await created.json()) as { id: number; version: number };
    const moved = await officer.json("POST", `/api/v1/parcels/${p.id}/moves`, {
      to: "approved",
      date: "2023-05-06",
      version: 1,
      docNo: "嘉政土〔2023〕2号",
    });
    expect(moved.status).toBe(200);
    await expectIndexed(`/api/v1/parcels/${p.id}/corrections`, postJson({ version: 2, reason: "录入错误" }));
  });
});
