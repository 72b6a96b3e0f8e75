import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/domain/password";
import { DEMO_DEFAULTS, generateSeed } from "../../scripts/seed/generate";
import { seedStatements } from "../../scripts/seed/sql";
import { count, session } from "../helpers";

// The demo's major projects (issue 12 item 8), loaded as `npm run db:seed` loads them, read through the battle map.
beforeAll(async () => {
  const data = generateSeed({ ...DEMO_DEFAULTS, passwordHash: await hashPassword("nanhu-demo") });
  await env.DB.batch(seedStatements(data).map((s) => env.DB.prepare(s)));
});

describe("demo projects", () => {
  it("a dozen projects over the demo's parcels, in every status, with problems and one re-plan", async () => {
    expect(await count("projects")).toBe(12);
    expect(await count("parcels", "project_id IS NOT NULL")).toBeGreaterThanOrEqual(24);
    expect(await count("problems", "status = 'open'")).toBeGreaterThan(0);
    expect(await count("project_events", "kind = 'replanned'")).toBe(1);
    const viewer = await session("viewer");
    const res = await viewer.json("GET", `/api/v1/battle-map?asOf=${DEMO_DEFAULTS.anchor}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { projects: { status: string }[] };
    expect(new Set(body.projects.map((p) => p.status))).toEqual(new Set(["overdue", "at_risk", "on_track", "done"]));
  });
});
