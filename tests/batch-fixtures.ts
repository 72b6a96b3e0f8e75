import { env } from "cloudflare:workers";
import { newParcel } from "./helpers";

type Client = {
  json: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
};

let seq = 0;
/** A valid batch registration body; `over` replaces fields. */
export function newBatch(over: Record<string, unknown> = {}) {
  return {
    name: `南湖区2023年度第${++seq}批次城镇建设用地-${crypto.randomUUID().slice(0, 6)}`,
    kind: "urban",
    authority: "省政府",
    totalArea: { value: 300, unit: "mu" },
    agriculturalArea: { value: 250, unit: "mu" },
    cultivatedArea: { value: 200, unit: "mu" },
    unusedArea: { value: 10, unit: "mu" },
    newConstructionArea: { value: 260, unit: "mu" },
    ...over,
  };
}

export type BatchBody = {
  id: number;
  version: number;
  approvedOn: string | null;
  docNo: string | null;
  [k: string]: unknown;
};

/** Registers a batch through the API and returns its JSON. */
export async function createBatch(client: Client, over: Record<string, unknown> = {}): Promise<BatchBody> {
  const res = await client.json("POST", "/api/v1/batches", newBatch(over));
  if (res.status !== 201) throw new Error(`batch create failed ${res.status} ${await res.text()}`);
  return (await res.json()) as BatchBody;
}

/** Registers `n` planned parcels of `m2` each in the batch, `parallel` requests at a time; returns their ids. */
export async function plannedParcels(
  client: Client,
  batchId: number,
  n: number,
  m2 = 1000,
  parallel = 25,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i += parallel) {
    const chunk = await Promise.all(
      Array.from({ length: Math.min(parallel, n - i) }, async () => {
        const res = await client.json(
          "POST",
          "/api/v1/parcels",
          newParcel({ batchId, area: { value: m2, unit: "m2" } }),
        );
        if (res.status !== 201) throw new Error(`register failed ${res.status} ${await res.text()}`);
        return ((await res.json()) as { id: number }).id;
      }),
    );
    ids.push(...chunk);
  }
  return ids;
}

/**
 * Inserts `n` planned parcels of `m2` each into the batch straight in D1, with the chain totals a
 * registration would add — for the bulk tests, where 300 HTTP registrations would dominate the run.
 * Returns their ids.
 */
export async function insertPlannedParcels(batchId: number, n: number, m2: number): Promise<number[]> {
  const prefix = `BULK-${batchId}-${crypto.randomUUID().slice(0, 8)}-`;
  // chain_totals and batch_totals follow through the database's triggers.
  await env.DB.prepare(
    `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?1)
     INSERT INTO parcels (code, name, town, land_use, origin, area_m2, state, version, batch_id)
     SELECT ?2 || i, '批量测试地块' || i, '新丰镇', 'industrial', 'collective', ?3, 'planned', 1, ?4 FROM k`,
  )
    .bind(n, prefix, m2, batchId)
    .run();
  const rows = await env.DB.prepare("SELECT id FROM parcels WHERE code LIKE ?1 || '%' ORDER BY id")
    .bind(prefix)
    .all<{ id: number }>();
  return rows.results.map((r) => r.id);
}
