import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replayAsOf, type HistoryEvent, type ParcelAsOf, type Registration } from "../../src/domain/as-of";
import { allowedTargets, type State } from "../../src/domain/chain";
import { addDays } from "../../src/domain/dates";
import { digestedIn, inStock } from "../../src/domain/digestion";

// Random histories the product could record: moves the chain allows, each dated on or after the move
// in force before it; corrections of the latest move or delay; delays of a supplied parcel, each later
// than the agreed start in force; edits.
const action = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant("move" as const),
      pick: fc.nat(),
      gap: fc.integer({ min: 0, max: 300 }),
      startGap: fc.integer({ min: 0, max: 400 }),
      span: fc.integer({ min: 0, max: 900 }),
      priceWan: fc.option(
        fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 10_000),
        { nil: undefined },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("correct" as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("delay" as const),
      gap: fc.integer({ min: 0, max: 200 }),
      push: fc.integer({ min: 1, max: 300 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("edit" as const) }) },
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

const histories = fc.array(action, { maxLength: 30 });

const registration: fc.Arbitrary<Registration> = fc.oneof(
  fc.constant({ state: "planned" } as const),
  fc.integer({ min: 0, max: 400 }).map((n) => ({ state: "reserved", on: addDays("2020-01-01", n) }) as const),
);

/** Plays the part of the write path: only valid steps become events; a correction names what it undoes. */
function record(reg: Registration, actions: readonly Action[]): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  const stack: { e: HistoryEvent; stateBefore: State }[] = [];
  let state: State = reg.state;
  const lastMovedOn = () =>
    stack.findLast((x) => x.e.kind === "move")?.e.on ?? (reg.state === "reserved" ? reg.on : "2020-01-01");
  for (const a of actions) {
    const id = events.length + 1;
    if (a.t === "move") {
      const targets = allowedTargets(state);
      if (targets.length === 0) continue;
      // Mostly forward, so that histories reach supply and beyond; withdrawal one time in five where allowed.
      const forward = targets.filter((t) => t !== "withdrawn");
      const to =
        forward.length === 0 || a.pick % 5 === 0 ? targets[a.pick % targets.length] : forward[a.pick % forward.length];
      const on = addDays(lastMovedOn(), a.gap);
      const start = addDays(on, a.startGap);
      const data =
        to === "supplied"
          ? { agreedStartOn: start, agreedCompletionOn: addDays(start, a.span), priceWan: a.priceWan }
          : {};
      const e: HistoryEvent = { id, kind: "move", fromState: state, toState: to, on, data, revertsEventId: null };
      events.push(e);
      stack.push({ e, stateBefore: state });
      state = to;
    } else if (a.t === "correct") {
      const top = stack.pop();
      if (!top) continue;
      events.push({
        id,
        kind: "correction",
        fromState: state,
        toState: top.stateBefore,
        on: "2030-01-01",
        data: {},
        revertsEventId: top.e.id,
      });
      state = top.stateBefore;
    } else if (a.t === "delay") {
      if (state !== "supplied") continue;
      const delays = stack.filter((x) => x.e.kind === "delay").map((x) => x.e);
      const supplyMove = stack.findLast((x) => x.e.kind === "move" && x.e.toState === "supplied")!.e;
      const last = delays.at(-1);
      const current = String(last?.data.newAgreedStartOn ?? supplyMove.data.agreedStartOn);
      const from = last && last.on > supplyMove.on ? last.on : supplyMove.on;
      const e: HistoryEvent = {
        id,
        kind: "delay",
        fromState: state,
        toState: state,
        on: addDays(from, a.gap),
        data: { newAgreedStartOn: addDays(current, a.push) },
        revertsEventId: null,
      };
      events.push(e);
      stack.push({ e, stateBefore: state });
    } else {
      events.push({
        id,
        kind: "edit",
        fromState: state,
        toState: state,
        on: "2020-01-01",
        data: { town: "新丰镇" },
        revertsEventId: null,
      });
    }
  }
  return events;
}

// ---- The column rule, written apart from the replay: the parcel row the events leave behind ----

const COLUMNS = {
  approved: "approvedOn",
  acquired: "acquiredOn",
  reserved: "reservedOn",
  supplied: "suppliedOn",
  started: "startedOn",
  completed: "completedOn",
  withdrawn: "withdrawnOn",
} as const;
type Column = (typeof COLUMNS)[keyof typeof COLUMNS];
type Row = Record<Column, string | null> & {
  agreedStartOriginal: string | null;
  agreedCompletionOn: string | null;
  priceYuan: number | null;
  delays: { id: number; on: string; newAgreedStartOn: string }[];
};

/** Applies events to a row as a write path does: a move fills its column, a correction clears the reverted one's. */
function row(reg: Registration, events: readonly HistoryEvent[]): Row {
  const r: Row = {
    approvedOn: null,
    acquiredOn: null,
    reservedOn: reg.state === "reserved" ? reg.on : null,
    suppliedOn: null,
    startedOn: null,
    completedOn: null,
    withdrawnOn: null,
    agreedStartOriginal: null,
    agreedCompletionOn: null,
    priceYuan: null,
    delays: [],
  };
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const e of events) {
    if (e.kind === "move" && e.toState && e.toState !== "planned") {
      r[COLUMNS[e.toState]] = e.on;
      if (e.toState === "supplied") {
        r.agreedStartOriginal = e.data.agreedStartOn as string;
        r.agreedCompletionOn = e.data.agreedCompletionOn as string;
        r.priceYuan = typeof e.data.priceWan === "number" ? Math.round(e.data.priceWan * 10_000) : null;
      }
    } else if (e.kind === "delay") {
      r.delays.push({ id: e.id, on: e.on, newAgreedStartOn: e.data.newAgreedStartOn as string });
    } else if (e.kind === "correction") {
      const undone = byId.get(e.revertsEventId!)!;
      if (undone.kind === "delay") r.delays = r.delays.filter((d) => d.id !== undone.id);
      else if (undone.toState && undone.toState !== "planned") {
        r[COLUMNS[undone.toState]] = null;
        if (undone.toState === "supplied")
          Object.assign(r, { agreedStartOriginal: null, agreedCompletionOn: null, priceYuan: null });
      }
    }
  }
  return r;
}

/** "Reached X by D" ⇔ the row's x_on is set and ≤ D; the state is the furthest one reached, as SQL would CASE it. */
function columnRule(reg: Registration, r: Row, d: string): ParcelAsOf {
  const by = (on: string | null) => (on !== null && on <= d ? on : null);
  const order = ["withdrawn", "completed", "started", "supplied", "reserved", "acquired", "approved"] as const;
  const reached = order.find((s) => by(r[COLUMNS[s]]) !== null);
  const supplied = by(r.suppliedOn) !== null;
  const delay = r.delays.filter((x) => x.on <= d).at(-1);
  return {
    asOf: d,
    state: reached ?? (reg.state === "reserved" ? null : "planned"),
    approvedOn: by(r.approvedOn),
    acquiredOn: by(r.acquiredOn),
    reservedOn: by(r.reservedOn),
    suppliedOn: by(r.suppliedOn),
    startedOn: by(r.startedOn),
    completedOn: by(r.completedOn),
    withdrawnOn: by(r.withdrawnOn),
    agreedStartOn: supplied ? (delay?.newAgreedStartOn ?? r.agreedStartOriginal) : null,
    originalAgreedStartOn: supplied ? r.agreedStartOriginal : null,
    agreedCompletionOn: supplied ? r.agreedCompletionOn : null,
    priceYuan: supplied ? r.priceYuan : null,
  };
}

/** The dates worth asking about: every event date, the days either side, and a few fixed ones. */
function probeDates(reg: Registration, events: readonly HistoryEvent[]): string[] {
  const dates = new Set(["2019-12-31", "2020-06-30", "2021-12-31", "2099-12-31"]);
  const on = [...events.map((e) => e.on), ...(reg.state === "reserved" ? [reg.on] : [])];
  for (const d of on) for (const n of [-1, 0, 1]) dates.add(addDays(d, n));
  return [...dates];
}

describe("the replay agrees with the column rule (prefix of moves in force dated ≤ D)", () => {
  it("for random histories of moves, corrections and delays", () => {
    fc.assert(
      fc.property(registration, histories, (reg, actions) => {
        const events = record(reg, actions);
        const r = row(reg, events);
        for (const d of probeDates(reg, events)) expect(replayAsOf(reg, events, d)).toEqual(columnRule(reg, r, d));
      }),
      { numRuns: 1000 },
    );
  });

  it("draws histories that exercise what matters (not only empty or planned ones)", () => {
    const samples = fc.sample(fc.tuple(registration, histories), { numRuns: 1000, seed: 9 });
    let delayInForce = 0;
    let delayCorrected = 0;
    let withdrawn = 0;
    let intoReserve = 0;
    for (const [reg, actions] of samples) {
      const events = record(reg, actions);
      const r = row(reg, events);
      if (r.delays.length > 0) delayInForce++;
      if (events.some((e) => e.kind === "correction" && events[e.revertsEventId! - 1].kind === "delay"))
        delayCorrected++;
      if (r.withdrawnOn !== null) withdrawn++;
      if (reg.state === "reserved") intoReserve++;
    }
    // Loose floors (a fixed seed, so never flaky): each kind of history turns up in over 3% of the draws.
    for (const n of [delayInForce, delayCorrected, withdrawn, intoReserve]) expect(n).toBeGreaterThan(30);
  });

  it("so digestion gives the same answer from the parcel as of D or from its current row", () => {
    fc.assert(
      fc.property(registration, histories, (reg, actions) => {
        const events = record(reg, actions);
        const facts = (d: string) => ({ ...replayAsOf(reg, events, d), areaM2: 1000, town: "新丰镇", batchId: null });
        const now = facts("2099-12-31");
        for (const d of probeDates(reg, events)) {
          const then = facts(d);
          expect(inStock(then, d)).toBe(inStock(now, d));
          const year = Number(d.slice(0, 4));
          expect(digestedIn([then], year, d).length).toBe(digestedIn([now], year, d).length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
