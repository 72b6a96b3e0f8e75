import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../src/db/client";
import { allowedTargets, type State } from "../../src/domain/chain";
import { addDays } from "../../src/domain/dates";
import * as dig from "../../src/domain/digestion";
import { IDLE_LEVELS, idleStatus } from "../../src/domain/idle-land";
import { sortTowns } from "../../src/domain/towns";
import { completionDaysLate, useRates } from "../../src/domain/use-rates";
import * as dq from "../../src/digestion/queries";
import * as iq from "../../src/idle-land/queries";
import { MOVE_BODY } from "../chain-fixtures";
import { newParcel, session } from "../helpers";
import { factsOn, readAll } from "./as-of-oracle";

// Random histories of moves, corrections and delays written through the API (an admin, who may correct
// anything); then every as-of figure the SQL gives for random dates is compared with replayAsOf and the
// domain's functions over the events read back from parcel_events.

let admin: Awaited<ReturnType<typeof session>>;
beforeAll(async () => {
  admin = await session("admin");
});

const TODAY = "2026-12-01";
const H = { "X-Test-Today": TODAY };
const TOWNS = ["凤桥镇", "余新镇", "新丰镇", "大桥镇"];
const step = fc.record({
  kind: fc.constantFrom("move", "move", "move", "correct", "delay"),
  pick: fc.nat(5),
  gap: fc.integer({ min: 0, max: 300 }),
  delta: fc.integer({ min: 1, max: 420 }),
});
const parcelPlan = fc.record({
  reserved: fc.boolean(),
  town: fc.constantFrom(...TOWNS),
  mu: fc.integer({ min: 1, max: 400 }),
  steps: fc.array(step, { maxLength: 9 }),
});
const dayIn = fc.integer({ min: 0, max: 6 * 366 }).map((n) => addDays("2021-01-01", n));
const capped = (d: string) => (d > TODAY ? TODAY : d);

type Plan = typeof parcelPlan extends fc.Arbitrary<infer T> ? T : never;
type P = { id: number; version: number; state: State; lastMovedOn: string | null; agreedStartOn: string | null };

async function write(plan: Plan) {
  const reg = plan.reserved ? { origin: "state", state: "reserved", date: "2021-03-01", reserveNo: "CB-1" } : {};
  const res = await admin.json(
    "POST",
    "/api/v1/parcels",
    newParcel({ town: plan.town, area: { value: plan.mu, unit: "mu" }, ...reg }),
    H,
  );
  let p = (await res.json()) as P;
  for (const s of plan.steps) {
    const date = capped(addDays(p.lastMovedOn ?? "2021-01-01", s.gap));
    let r: Response | null = null;
    if (s.kind === "correct")
      r = await admin.json("POST", `/api/v1/parcels/${p.id}/corrections`, { version: p.version, reason: "更正" }, H);
    else if (s.kind === "delay" && p.state === "supplied" && p.agreedStartOn) {
      const body = {
        version: p.version,
        cause: "政府原因",
        docNo: "函1号",
        newAgreedStartOn: addDays(p.agreedStartOn, s.delta),
        date,
      };
      r = await admin.json("POST", `/api/v1/parcels/${p.id}/delays`, body, H);
    } else if (s.kind === "move") {
      const targets = allowedTargets(p.state);
      if (!targets.length) continue;
      const to = targets[s.pick % targets.length];
      const start = addDays(date, s.delta - 100);
      const extra = to === "supplied" ? { agreedStartOn: start, agreedCompletionOn: addDays(start, 200 + s.gap) } : {};
      const body = { to, date, version: p.version, ...MOVE_BODY[to], ...extra, reason: "跳步理由" };
      r = await admin.json("POST", `/api/v1/parcels/${p.id}/moves`, body, H);
    }
    if (r === null) continue;
    expect([200, 422]).toContain(r.status);
    if (r.status === 200) p = (await r.json()) as P;
  }
}

const byId = <T extends { id: number }>(rows: T[]) => [...rows].sort((a, b) => a.id - b.id);

async function compare(d: string, year: number) {
  const db = getDb(env);
  const all = await readAll();
  const atD = factsOn(all, d);
  const atStart = factsOn(all, dig.yearStartDay(year));
  const q = { year, asOf: d };
  const [[fig], towns, batchRows, days, work, idle, [rates], late] = await db.batch([
    dq.digestionFiguresQuery(db, q),
    dq.stockByTownQuery(db, d),
    dq.stockByBatchQuery(db, d),
    dq.digestedByDayQuery(db, q),
    dq.workListQuery(db, d, 100000),
    iq.idleCandidatesQuery(db, d),
    iq.useRatesQuery(db, d),
    iq.overdueCompletionQuery(db, d, 100000),
  ]);
  const start = dig.tally(dig.stockOn(atStart, dig.yearStartDay(year)));
  const now = dig.tally(dig.stockOn(atD, d));
  const digested = dig.digestedIn(atD, year, d);
  expect([fig.startCount, fig.startM2, fig.nowCount, fig.nowM2]).toEqual([
    start.count,
    start.areaM2,
    now.count,
    now.areaM2,
  ]);
  expect([fig.digestedCount, fig.digestedM2]).toEqual([digested.length, dig.tally(digested).areaM2]);
  const ages = dig.stockByAge(atD, d);
  expect(ages.map((_, i) => [fig[`age${i}Count`], fig[`age${i}M2`]])).toEqual(ages.map((a) => [a.count, a.areaM2]));
  const townOrder = sortTowns(towns.map((t) => t.town));
  const sqlTowns = townOrder.map((town) => ({ ...towns.find((t) => t.town === town)! }));
  expect(sqlTowns).toEqual(dig.stockByTown(atD, d));
  expect(
    [...batchRows]
      .sort((a, b) => (a.batchId ?? 1e9) - (b.batchId ?? 1e9))
      .map((b) => ({ batchId: b.batchId, count: b.count, areaM2: b.areaM2 })),
  ).toEqual(dig.stockByBatch(atD, d));
  const dayTotals = new Map<string, number>();
  for (const p of digested) dayTotals.set(dig.leftStockOn(p)!, (dayTotals.get(dig.leftStockOn(p)!) ?? 0) + p.areaM2);
  expect(days.map((r) => [r.on, r.areaM2])).toEqual([...dayTotals].sort());
  expect(work.map((r) => r.id)).toEqual(dig.workList(byId(atD), d).map((p) => p.id));
  const idleOracle = atD.filter((p) => idleStatus(p, d) !== null);
  expect(byId(idle).map((r) => [r.id, r.agreedStartOn])).toEqual(byId(idleOracle).map((p) => [p.id, p.agreedStartOn]));
  // The idle list's totals (SQL sums over levels by ranges of agreed starts) against the domain's statuses.
  const [[tot], idleAll] = await db.batch([
    iq.idleTotalsQuery(db, { asOf: d }),
    iq.idleListQuery(db, { asOf: d }, 100000),
  ]);
  const statuses = idleOracle.map((p) => ({ p, s: idleStatus(p, d)! }));
  const sumArea = (xs: typeof statuses) => xs.reduce((n, x) => n + x.p.areaM2, 0);
  expect(tot.count).toBe(idleOracle.length);
  for (const level of IDLE_LEVELS) {
    const xs = statuses.filter((x) => x.s.level === level);
    expect([tot[`${level}Count`], tot[`${level}M2`]], level).toEqual([xs.length, sumArea(xs)]);
    if (level === "idle_fee" || level === "recovery")
      expect(tot[`${level}FeeHundreds`], level).toBe(Math.round(xs.reduce((n, x) => n + (x.s.feeWan ?? 0) * 100, 0)));
  }
  for (const days of [7, 30, 90])
    expect(tot[`warn${days}`], `warn ${days}`).toBe(statuses.filter((x) => x.s.warning === days).length);
  // The idle list in supply order (then id), and walked seven rows a page by keyset: the same parcels.
  const bySupply = [...idleOracle].sort((a, b) =>
    a.suppliedOn === b.suppliedOn ? a.id - b.id : a.suppliedOn! < b.suppliedOn! ? -1 : 1,
  );
  expect(idleAll.map((r) => r.id)).toEqual(bySupply.map((p) => p.id));
  const walked: number[] = [];
  for (let cursor: iq.IdleCursor | undefined; ;) {
    const page = await iq.idleListQuery(db, { asOf: d }, 7, cursor);
    walked.push(...page.slice(0, 7).map((r) => r.id));
    if (page.length <= 7) break;
    cursor = { suppliedOn: page[6].suppliedOn, id: page[6].id };
  }
  expect(walked).toEqual(bySupply.map((p) => p.id));
  const workWalked: number[] = [];
  for (let cursor: dq.WorkCursor | undefined; ;) {
    const page = await dq.workListQuery(db, d, 7, cursor);
    workWalked.push(...page.slice(0, 7).map((r) => r.id));
    if (page.length <= 7) break;
    cursor = { approvedOn: page[6].approvedOn, id: page[6].id };
  }
  expect(workWalked).toEqual(work.map((r) => r.id));
  const u = useRates(atD, d);
  expect(rates).toEqual({
    startDueCount: u.start.dueCount,
    startDueM2: u.start.dueAreaM2,
    startDoneCount: u.start.doneCount,
    startDoneM2: u.start.doneAreaM2,
    completionDueCount: u.completion.dueCount,
    completionDueM2: u.completion.dueAreaM2,
    completionDoneCount: u.completion.doneCount,
    completionDoneM2: u.completion.doneAreaM2,
  });
  expect(byId(late).map((r) => r.id)).toEqual(
    byId(atD.filter((p) => completionDaysLate(p, d) !== null)).map((p) => p.id),
  );
}

describe("as-of SQL agrees with a replay of the events", () => {
  it("for random histories of moves, corrections and delays, on random dates", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(parcelPlan, { minLength: 1, maxLength: 3 }),
        fc.array(dayIn, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (plans, dates, prior) => {
          for (const plan of plans) await write(plan);
          for (const d of dates) await compare(d, Number(d.slice(0, 4)) - (prior ? 1 : 0));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
