import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { moveKind, STATES, type State } from "../../src/domain/chain";
import { MOVE_BODY } from "../chain-fixtures";
import { newParcel, session } from "../helpers";

let officer: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  officer = await session("officer");
});

// One step of a random session: a move to any state (allowed or not), or a correction; dates wander.
const step = fc.oneof(
  fc.record({
    kind: fc.constant("move" as const),
    to: fc.constantFrom(...STATES),
    day: fc.integer({ min: 0, max: 400 }),
    stale: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("correction" as const), day: fc.constant(0), stale: fc.boolean() }),
);

// The chain written out by hand from docs/PRODUCT.md §3 — the oracle — independently of src/domain/chain.ts:
// one step forward, the two skips (approved → reserved, acquired → supplied), withdrawal before supply.
const ALLOWED: Record<State, readonly State[]> = {
  planned: ["approved", "withdrawn"],
  approved: ["acquired", "reserved", "withdrawn"],
  acquired: ["reserved", "supplied", "withdrawn"],
  reserved: ["supplied", "withdrawn"],
  supplied: ["started"],
  started: ["completed"],
  completed: [],
  withdrawn: [],
};

/** What the API must answer to one step, and the model's moves in force after it (state and date). */
function expectStep(
  inForce: { state: State; on: string }[],
  version: number,
  s: { kind: string; to?: State; day: number; stale: boolean },
) {
  // A stale version is refused before anything else: 409, or 422 when it is not even a positive version.
  if (s.stale) return version - 1 < 1 ? 422 : 409;
  const top = inForce[inForce.length - 1];
  if (s.kind === "correction") {
    if (inForce.length === 1) return 422; // nothing to correct
    inForce.pop();
    return 200;
  }
  const date = dateOf(s.day);
  // Forbidden by the chain, or dated before the move in force (registration has no date).
  if (!ALLOWED[top.state].includes(s.to!) || (inForce.length > 1 && date < top.on)) return 422;
  inForce.push({ state: s.to!, on: date });
  return 200;
}

const dateOf = (day: number) => new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

describe("any sequence of moves through the API", () => {
  it("keeps events = version − 1 and never reaches a state the chain forbids", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<"collective" | "state">("collective", "state"),
        fc.array(step, { maxLength: 12 }),
        async (origin, steps) => {
          const reg = await officer.json("POST", "/api/v1/parcels", newParcel({ origin }));
          let p = (await reg.json()) as { id: number; version: number; state: State };
          const inForce: { state: State; on: string }[] = [{ state: "planned", on: "" }];
          for (const s of steps) {
            const expected = expectStep(inForce, p.version, s);
            const version = s.stale ? p.version - 1 : p.version;
            const res =
              s.kind === "move"
                ? await officer.json("POST", `/api/v1/parcels/${p.id}/moves`, {
                    to: s.to,
                    date: dateOf(s.day),
                    version,
                    ...MOVE_BODY[s.to],
                    reason: "测试跳步理由",
                  })
                : await officer.json("POST", `/api/v1/parcels/${p.id}/corrections`, { version, reason: "测试更正" });
            expect(res.status, JSON.stringify(s)).toBe(expected);
            if (res.status === 200) p = (await res.json()) as typeof p;
            expect(p.state).toBe(inForce[inForce.length - 1].state);
          }
          const row = await env.DB.prepare("SELECT state, version FROM parcels WHERE id = ?")
            .bind(p.id)
            .first<{ state: State; version: number }>();
          const events = (
            await env.DB.prepare("SELECT kind, from_state, to_state FROM parcel_events WHERE parcel_id = ? ORDER BY id")
              .bind(p.id)
              .all<{ kind: string; from_state: State; to_state: State }>()
          ).results;
          expect(events.length).toBe(row!.version - 1);
          // Replaying the record gives the stored state, and every move in it is one the chain allows.
          const stack: State[] = ["planned"];
          for (const e of events) {
            expect(e.from_state).toBe(stack.at(-1));
            if (e.kind === "move") {
              expect(moveKind(e.from_state, e.to_state), `${e.from_state} → ${e.to_state}`).not.toBeNull();
              stack.push(e.to_state);
            } else {
              stack.pop();
              expect(e.to_state).toBe(stack.at(-1));
            }
          }
          expect(row!.state).toBe(stack.at(-1));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
