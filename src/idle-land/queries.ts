import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { gatedBound } from "../db/gate";
import { parcels } from "../db/schema";
import { named } from "../digestion/queries";
import { IDLE_LEVELS, levelStartRanges, warningStartRanges, type StartRange } from "../domain/idle-land";
import { IDLE_RULES } from "../domain/idle-rules";

// The idle-land feature's read API (供而未用 / 闲置土地 docs/PRODUCT.md §6): statement builders for the authorize
// batch. As of D, reached-by-D is the row's date column ≤ D (docs/ARCHITECTURE.md "As-of"); the agreed start is
// the exception, since the row keeps only the latest one: see agreedStartAsOf.

const FAR = "9999-12-31";

/**
 * The agreed start in force on D. Every delay in force set a start later than the one before it, so a
 * row whose agreed start still equals the original has no delay in force: that date, no lookup. Otherwise
 * the last delay dated ≤ D that no correction reverts (events_parcel_idx, events_reverts_idx), or the
 * original when every delay is dated after D. ("parcels"."id" is spelled out: drizzle leaves a column of a
 * one-table select unqualified, and inside the subquery a bare "id" would be the event's.)
 */
export function agreedStartAsOf(d: string) {
  const original = sql`coalesce(${parcels.originalAgreedStartOn}, ${parcels.agreedStartOn})`;
  return sql<string | null>`(CASE WHEN ${parcels.originalAgreedStartOn} IS NULL
      OR ${parcels.agreedStartOn} = ${parcels.originalAgreedStartOn} THEN ${parcels.agreedStartOn}
    ELSE coalesce((SELECT json_extract(e.data, '$.newAgreedStartOn') FROM parcel_events e
      WHERE e.parcel_id = "parcels"."id" AND e.kind = 'delay' AND e."on" <= ${d}
        AND NOT EXISTS (SELECT 1 FROM parcel_events c WHERE c.reverts_event_id = e.id)
      ORDER BY e.id DESC LIMIT 1), ${original}) END)`;
}

const suppliedNotStarted = (d: string) =>
  sql`${parcels.suppliedOn} <= ${d} AND coalesce(${parcels.startedOn}, ${FAR}) > ${d}`;

// Every column as SQL: the arms read FROM "parcels" INDEXED BY …, which drizzle does not see as the table.
const col = <T>(c: SQL.Aliased<T> | SQL<T>, name: string) => sql<T>`${c}`.as(name);
const idleColumns = (asOf: string) => ({
  id: col<number>(sql`${parcels.id}`, "id"),
  code: col<string>(sql`${parcels.code}`, "code"),
  name: col<string>(sql`${parcels.name}`, "name"),
  town: col<string>(sql`${parcels.town}`, "town"),
  areaM2: col<number>(sql`${parcels.areaM2}`, "area_m2"),
  priceYuan: col<number | null>(sql`${parcels.priceYuan}`, "price_yuan"),
  suppliedOn: col<string>(sql`${parcels.suppliedOn}`, "supplied_on"),
  agreedStartOn: agreedStartAsOf(asOf).as("agreed_start_as_of"),
  originalAgreedStartOn: col<string | null>(
    sql`coalesce(${parcels.originalAgreedStartOn}, ${parcels.agreedStartOn})`,
    "original_start",
  ),
});

/** S within (after, upTo]. */
const startIn = (s: SQL, r: StartRange) =>
  r.after === null ? sql`${s} <= ${r.upTo}` : sql`(${s} > ${r.after} AND ${s} <= ${r.upTo})`;

/** What narrows the idle list: the town, and the agreed starts of a level or an early-warning group. */
export type IdleFilter = { asOf: string; town?: string; starts?: StartRange };

/** Keyset position in the idle list: the supply date and id of a row shown. */
export type IdleCursor = { suppliedOn: string; id: number };

/**
 * The supplied-not-started parcels on D in two arms on parcels_unstarted_idx: not started today (started_on
 * NULL, walked in (supplied_on, id) order) and started after D (a range, the only rows sorted; none when D is
 * today). `extra` narrows both arms; "+supplied_on" keeps the second arm on its started_on range.
 */
function idleArms<C extends Partial<ReturnType<typeof idleColumns>>>(
  db: Db,
  f: IdleFilter,
  cols: C,
  extra: (supplied: SQL) => SQL,
) {
  const town = f.town === undefined ? sql`` : sql` AND ${parcels.town} = ${f.town}`;
  const starts = f.starts ? sql` AND ${startIn(agreedStartAsOf(f.asOf), f.starts)}` : sql``;
  const supplied = sql`${parcels.suppliedOn}`;
  const unary = sql`+${parcels.suppliedOn}`;
  // Named: without statistics SQLite would rather walk a supply-date index over every supply than sort nothing.
  const unstarted = sql`${parcels} INDEXED BY parcels_unstarted_idx`;
  return [
    db
      .select(cols)
      .from(unstarted)
      .where(sql`${parcels.startedOn} IS NULL AND ${supplied} <= ${f.asOf}${town}${starts}${extra(supplied)}`),
    db
      .select(cols)
      .from(unstarted)
      .where(sql`${parcels.startedOn} > ${f.asOf} AND ${unary} <= ${f.asOf}${town}${starts}${extra(unary)}`),
  ] as const;
}

/**
 * One page of the idle list, in supply order (then id): after `cursor`, or — `back` — the page before it (rows
 * come newest first then; the caller reverses them). limit + 1 rows tell whether another page follows.
 */
export function idleListQuery(db: Db, f: IdleFilter, limit: number, cursor?: IdleCursor, back = false) {
  const [open, late] = idleArms(db, f, idleColumns(f.asOf), (supplied) =>
    cursor
      ? sql` AND (${supplied}, ${parcels.id}) ${sql.raw(back ? "<" : ">")} (${cursor.suppliedOn}, ${cursor.id})`
      : sql``,
  );
  const dir = sql.raw(back ? "DESC" : "ASC");
  return open
    .unionAll(late)
    .orderBy(sql`supplied_on ${dir}`, sql`id ${dir}`)
    .limit(limit + 1);
}

/**
 * The first parcels of an early-warning group on D (agreed start in force S within `range`), nearest agreed start
 * first. Delays only ever move the start later, so S > range.after needs the row's present agreed start to be
 * later too: both arms read only that range of parcels_unstarted_start_idx — the parcels whose start is still
 * ahead — instead of every unstarted parcel.
 */
export function warningGroupQuery(db: Db, asOf: string, town: string | undefined, range: StartRange, limit: number) {
  const after = range.after ?? "0000-01-01";
  const s = agreedStartAsOf(asOf);
  const filter = sql`${parcels.suppliedOn} <= ${asOf} AND ${startIn(s, range)}${town === undefined ? sql`` : sql` AND ${parcels.town} = ${town}`}`;
  const cols = { ...idleColumns(asOf), agreedStartNow: col<string>(sql`${parcels.agreedStartOn}`, "agreed_start_now") };
  // Named for the same reason as the list: without statistics SQLite might walk another index to avoid a sort.
  const byStart = sql`${parcels} INDEXED BY parcels_unstarted_start_idx`;
  const open = db
    .select(cols)
    .from(byStart)
    .where(sql`${parcels.startedOn} IS NULL AND ${parcels.agreedStartOn} > ${after} AND ${filter}`);
  const late = db
    .select(cols)
    .from(byStart)
    .where(sql`${parcels.startedOn} > ${asOf} AND +${parcels.agreedStartOn} > ${after} AND ${filter}`);
  return open
    .unionAll(late)
    .orderBy(sql`agreed_start_now`, sql`id`)
    .limit(limit);
}

/**
 * The idle list's totals on D in SQL, over every supplied-not-started parcel of the town filter: count, area
 * and idle fee (20% of the price in 0.01 万元 per parcel, summed) per level, the parcels without a level yet,
 * the count of each early-warning group, and `listCount` — the rows under the list's own filter. One row.
 */
export function idleTotalsQuery(db: Db, f: IdleFilter) {
  const c = idleColumns(f.asOf);
  // Only what the sums need: parcels_unstarted_idx covers these columns, so no parcel row is read.
  const summed = { areaM2: c.areaM2, priceYuan: c.priceYuan, agreedStartOn: c.agreedStartOn };
  const [open, late] = idleArms(db, { asOf: f.asOf, town: f.town }, summed, () => sql``);
  const u = open.unionAll(late).as("u");
  const s = sql`${u.agreedStartOn}`;
  const levels = levelStartRanges(f.asOf, IDLE_RULES);
  // Integer arithmetic as domain/idle-land.ts idleFeeWan: the percent inlined (a bound number may arrive as a
  // REAL and turn the division into a fraction), the quotient cut to whole hundreds of 元.
  const pct = sql.raw(String(Math.trunc(IDLE_RULES.idleFeePercent)));
  const fee = sql`CAST((${u.priceYuan} * ${pct} + 5000) / 10000 AS INTEGER)`;
  const cols: Record<string, SQL<number>> = { count: sql<number>`count(*)` };
  for (const level of IDLE_LEVELS) {
    const cond = startIn(s, levels[level]);
    cols[`${level}Count`] = sql<number>`coalesce(sum(${cond}), 0)`;
    cols[`${level}M2`] = sql<number>`coalesce(sum((${cond}) * ${u.areaM2}), 0)`;
    if (level === "idle_fee" || level === "recovery")
      cols[`${level}FeeHundreds`] = sql<number>`coalesce(sum((${cond}) * ${fee}), 0)`;
  }
  for (const w of warningStartRanges(f.asOf, IDLE_RULES))
    cols[`warn${w.days}`] = sql<number>`coalesce(sum(${startIn(s, w.range)}), 0)`;
  cols.listCount = f.starts ? sql<number>`coalesce(sum(${startIn(s, f.starts)}), 0)` : sql<number>`count(*)`;
  return db.select(named(cols)).from(u);
}

/** Every parcel supplied and not started on D, with its agreed start in force on D; levels are the domain's. */
export function idleCandidatesQuery(db: Db, asOf: string) {
  return db
    .select({
      id: parcels.id,
      code: parcels.code,
      name: parcels.name,
      town: parcels.town,
      areaM2: parcels.areaM2,
      priceYuan: parcels.priceYuan,
      suppliedOn: parcels.suppliedOn,
      agreedStartOn: agreedStartAsOf(asOf).as("agreed_start_as_of"),
      originalAgreedStartOn: sql<string | null>`coalesce(${parcels.originalAgreedStartOn}, ${parcels.agreedStartOn})`,
    })
    .from(parcels)
    .where(suppliedNotStarted(asOf))
    .orderBy(parcels.suppliedOn, parcels.id);
}

/**
 * Start and completion rates for the period ending E (domain/use-rates.ts): due = supplied by E with the
 * agreed date (start in force on E) on or before E, done = of those, started / completed by E. One row.
 */
export function useRatesQuery(db: Db, e: string) {
  const dueStart = sql`(${agreedStartAsOf(e)} <= ${e})`;
  const doneStart = sql`(${dueStart} AND ${parcels.startedOn} <= ${e})`;
  const dueDone = sql`(${parcels.agreedCompletionOn} <= ${e})`;
  const doneDone = sql`(${dueDone} AND ${parcels.completedOn} <= ${e})`;
  const sums = (cond: ReturnType<typeof sql>) => ({
    count: sql<number>`coalesce(sum(${cond}), 0)`,
    m2: sql<number>`coalesce(sum(${cond} * ${parcels.areaM2}), 0)`,
  });
  const [a, b, c, d] = [sums(dueStart), sums(doneStart), sums(dueDone), sums(doneDone)];
  return db
    .select(
      named({
        startDueCount: a.count,
        startDueM2: a.m2,
        startDoneCount: b.count,
        startDoneM2: b.m2,
        completionDueCount: c.count,
        completionDueM2: c.m2,
        completionDoneCount: d.count,
        completionDoneM2: d.m2,
      }),
    )
    .from(parcels)
    .where(sql`${parcels.suppliedOn} <= ${e}`);
}

const lateCompletion = (asOf: string) =>
  sql`${parcels.agreedCompletionOn} <= ${asOf} AND ${parcels.startedOn} <= ${asOf} AND coalesce(${parcels.completedOn}, ${FAR}) > ${asOf}`;

/** How many parcels are 逾期未竣工 on D (on parcels_agreed_completion_idx, no table read). */
export function overdueCompletionCountQuery(db: Db, asOf: string) {
  return db
    .select({ count: sql<number>`count(*)` })
    .from(parcels)
    .where(lateCompletion(asOf));
}

/** Keyset position in 逾期未竣工: the agreed completion and id of the last row shown. */
export type LateCursor = { agreedCompletionOn: string; id: number };

/** 逾期未竣工: started by D, not completed by D, agreed completion on or before D; longest late first. */
export function overdueCompletionQuery(db: Db, asOf: string, limit = 200, cursor?: LateCursor) {
  const after = cursor
    ? sql` AND (${parcels.agreedCompletionOn}, ${parcels.id}) > (${cursor.agreedCompletionOn}, ${cursor.id})`
    : sql``;
  return db
    .select({
      id: parcels.id,
      code: parcels.code,
      name: parcels.name,
      town: parcels.town,
      areaM2: parcels.areaM2,
      startedOn: parcels.startedOn,
      agreedCompletionOn: sql<string>`${parcels.agreedCompletionOn}`,
    })
    .from(parcels)
    .where(sql`${lateCompletion(asOf)}${after}`)
    .orderBy(parcels.agreedCompletionOn, parcels.id)
    .limit(limit);
}

/**
 * The start rate's due and done (useRatesQuery's rule) per town for the periods ending E and B (B before E):
 * the review's ranking and its change on last week. One pass over the parcels supplied by E, since each
 * one's town is a table read (half the time of a query per date at 50,000 parcels).
 */
export function startRateByTownQuery(db: Db, e: string, b: string) {
  const due = (d: string) => sql`(${parcels.suppliedOn} <= ${d} AND ${agreedStartAsOf(d)} <= ${d})`;
  const done = (d: string) => sql`(${due(d)} AND ${parcels.startedOn} <= ${d})`;
  // Named columns: with the dates bound as parameters, E's and B's sums read alike and would share a name.
  return db
    .select({
      town: parcels.town,
      ...named({
        dueCount: sql<number>`coalesce(sum(${due(e)}), 0)`,
        doneCount: sql<number>`coalesce(sum(${done(e)}), 0)`,
        dueCountBefore: sql<number>`coalesce(sum(${due(b)}), 0)`,
        doneCountBefore: sql<number>`coalesce(sum(${done(b)}), 0)`,
      }),
    })
    .from(parcels)
    .where(sql`${parcels.suppliedOn} <= ${e}`)
    .groupBy(sql`+${parcels.town}`);
}

/**
 * Supplied and not started on D with the agreed start in force on D inside one of `windows` ([from, to],
 * at most three): the home page's early warnings and new idle cases, without reading every supplied parcel.
 * In no set order (the caller orders the few rows). `only`: the home page's role gate: when false, neither arm's
 * range has a first key and no row is read (db/gate.ts).
 */
export function agreedStartWindowsQuery(db: Db, asOf: string, windows: [string, string][], only?: SQL) {
  // Delays only postpone, so the start in force lies between the supply's own and the latest: a window can
  // hold it only if the latest is on or after its first day and the supply's own on or before its last.
  // One range over all windows (an OR of ranges tempts SQLite into a table scan); the caller checks each.
  const from = windows.map((w) => w[0]).sort()[0];
  const to = windows
    .map((w) => w[1])
    .sort()
    .at(-1)!;
  const rest = sql`${parcels.suppliedOn} <= ${asOf} AND coalesce(${parcels.originalAgreedStartOn}, ${parcels.agreedStartOn}) <= ${to}`;
  // The latest start leads parcels_unstarted_start_idx after started_on, so both arms (not started, started
  // after D: none when D is today) read only the unstarted parcels whose latest start is on or after `from`,
  // not every supply up to D; "+" keeps the second arm on its started_on range. Named as warningGroupQuery's.
  const byStart = sql`${parcels} INDEXED BY parcels_unstarted_start_idx`;
  const cols = idleColumns(asOf);
  const open = db
    .select(cols)
    .from(byStart)
    .where(sql`${parcels.startedOn} IS NULL AND ${parcels.agreedStartOn} >= ${gatedBound(from, only)} AND ${rest}`);
  const late = db
    .select(cols)
    .from(byStart)
    .where(sql`${parcels.startedOn} > ${gatedBound(asOf, only)} AND +${parcels.agreedStartOn} >= ${from} AND ${rest}`);
  return open.unionAll(late).limit(5000);
}
