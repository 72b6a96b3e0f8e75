import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { replayAsOf } from "../../src/domain/as-of";
import { allowedTargets, STATES, type State } from "../../src/domain/chain";
import { addDays, shanghaiDate } from "../../src/domain/dates";
import { isoWeekOf, weekEnd } from "../../src/domain/week";
import { MOVE_BODY } from "../chain-fixtures";
import { newParcel } from "../helpers";
import { readAll } from "./as-of-oracle";
import { clientAs, type Client } from "../review-fixtures";

// Random histories (registrations on random days, moves and corrections with random dates) written through
// the API; then for random weeks the review's chain is checked against a plain replay of the events read back
// (domain/as-of.ts replayAsOf, no SQL): the states' counts add up to the parcels registered by the week's
// end, each state's count and area are the replay's, and each change is this week's figure minus last week's.

const TODAY = "2026-12-01";
let admin: Client;
beforeAll(async () => {
  admin = (await clientAs("admin", TODAY)).json;
});

const step = fc.record({ correct: fc.boolean(), pick: fc.nat(5), gap: fc.integer({ min: 0, max: 200 }) });
const plan = fc.record({
  regDay: fc.integer({ min: 0, max: 700 }).map((n) => addDays("2024-06-01", n)),
  firstGap: fc.integer({ min: -200, max: 200 }),
  mu: fc.integer({ min: 1, max: 50 }),
  steps: fc.array(step, { maxLength: 6 }),
});
type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never;
type P = { id: number; version: number; state: State; lastMovedOn: string | null };

async function write(p: Plan) {
  const res = await admin("POST", "/api/v1/parcels", newParcel({ area: { value: p.mu, unit: "mu" } }), p.regDay);
  expect(res.status).toBe(201);
  let x = (await res.json()) as P;
  let date = addDays(p.regDay, p.firstGap);
  for (const s of p.steps) {
    date = addDays(x.lastMovedOn ?? date, s.gap);
    if (date > TODAY) date = TODAY;
    let r: Response;
    if (s.correct)
      r = await admin("POST", `/api/v1/parcels/${x.id}/corrections`, { version: x.version, reason: "更正" });
    else {
      const targets = allowedTargets(x.state);
      if (!targets.length) continue;
      const to = targets[s.pick % targets.length];
      r = await admin("POST", `/api/v1/parcels/${x.id}/moves`, {
        to,
        date,
        version: x.version,
        ...MOVE_BODY[to],
        reason: "跳步",
      });
    }
    expect([200, 422]).toContain(r.status);
    if (r.status === 200) x = (await r.json()) as P;
  }
}

type Chain = { state: string; count: number; areaM2: number; deltaCount: number; deltaAreaM2: number }[];

/** The oracle: per state, count and m² of the parcels on the books on D (registered by D, replayed to D). */
async function oracle(d: string) {
  const created = new Map(
    (await env.DB.prepare("SELECT id, created_at FROM parcels").all<{ id: number; created_at: string }>()).results.map(
      (r) => [r.id, shanghaiDate(new Date(r.created_at))],
    ),
  );
  const out = new Map<string, { count: number; areaM2: number }>(STATES.map((s) => [s, { count: 0, areaM2: 0 }]));
  let registered = 0;
  for (const p of await readAll()) {
    const a = replayAsOf(p.reg, p.events, d);
    if (a.state === null) continue;
    // A parcel still `planned` on D is on the books once registered; one that reached a step by D already was.
    if (a.state === "planned" && created.get(p.id)! > d) continue;
    registered++;
    const t = out.get(a.state)!;
    t.count++;
    t.areaM2 += p.areaM2;
  }
  return { byState: out, registered };
}

async function chainOf(week: string): Promise<Chain> {
  const r = await admin("GET", `/api/v1/reviews/weekly?week=${week}`);
  expect(r.status).toBe(200);
  return ((await r.json()) as { states: Chain }).states;
}

// A Monday from 2024-06-03 on, 130 weeks at most (into 2026, before TODAY's week).
const weekIn = fc.integer({ min: 0, max: 130 }).map((n) => addDays("2024-06-03", 7 * n));

describe("weekly review: the chain over random histories", () => {
  it("adds up to the parcels registered by each week's end, and each change is this week minus last", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(plan, { minLength: 1, maxLength: 5 }),
        fc.array(weekIn, { minLength: 1, maxLength: 3 }),
        async (plans, mondays) => {
          for (const p of plans) await write(p);
          for (const monday of mondays) {
            const week = isoWeekOf(monday);
            const before = isoWeekOf(addDays(monday, -7));
            const [now, last] = [await chainOf(week), await chainOf(before)];
            const o = await oracle(weekEnd(week));
            expect(now.reduce((a, s) => a + s.count, 0)).toBe(o.registered);
            expect(now.map((s) => [s.state, s.count, s.areaM2])).toEqual(
              STATES.map((s) => [s, o.byState.get(s)!.count, o.byState.get(s)!.areaM2]),
            );
            expect(now.map((s) => [s.deltaCount, s.deltaAreaM2])).toEqual(
              now.map((s, i) => [s.count - last[i].count, s.areaM2 - last[i].areaM2]),
            );
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});
