import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { parcels } from "../db/schema";
import { named } from "../digestion/queries";

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

/** 逾期未竣工: started by D, not completed by D, agreed completion on or before D; longest late first. */
export function overdueCompletionQuery(db: Db, asOf: string, limit = 200) {
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
    .where(
      sql`${parcels.agreedCompletionOn} <= ${asOf} AND ${parcels.startedOn} <= ${asOf} AND coalesce(${parcels.completedOn}, ${FAR}) > ${asOf}`,
    )
    .orderBy(parcels.agreedCompletionOn, parcels.id)
    .limit(limit);
}

/** The start rate's due and done (useRatesQuery's rule) per town for the period ending E: the review's ranking. */
export function startRateByTownQuery(db: Db, e: string) {
  const due = sql`(${agreedStartAsOf(e)} <= ${e})`;
  return db
    .select({
      town: parcels.town,
      dueCount: sql<number>`coalesce(sum(${due}), 0)`,
      doneCount: sql<number>`coalesce(sum(${due} AND ${parcels.startedOn} <= ${e}), 0)`,
    })
    .from(parcels)
    .where(sql`${parcels.suppliedOn} <= ${e}`)
    .groupBy(sql`+${parcels.town}`);
}

/**
 * Supplied and not started on D with the agreed start in force on D inside one of `windows` ([from, to],
 * at most three): the home page's early warnings and new idle cases, without reading every supplied parcel.
 */
export function agreedStartWindowsQuery(db: Db, asOf: string, windows: [string, string][]) {
  const s = agreedStartAsOf(asOf);
  // Delays only postpone, so the start in force lies between the supply's own and the latest: a window can
  // hold it only if the latest is on or after its first day and the supply's own on or before its last.
  // Plain columns keep the plan on the supplied range; the caller checks the start in force exactly.
  const original = sql`coalesce(${parcels.originalAgreedStartOn}, ${parcels.agreedStartOn})`;
  // One range over all windows (an OR of ranges tempts SQLite into a table scan); the caller checks each.
  const from = windows.map((w) => w[0]).sort()[0];
  const to = windows
    .map((w) => w[1])
    .sort()
    .at(-1)!;
  const within = sql`${parcels.agreedStartOn} >= ${from} AND ${original} <= ${to}`;

  return db
    .select({
      id: parcels.id,
      code: parcels.code,
      name: parcels.name,
      town: parcels.town,
      areaM2: parcels.areaM2,
      priceYuan: parcels.priceYuan,
      suppliedOn: parcels.suppliedOn,
      agreedStartOn: s.as("agreed_start_as_of"),
    })
    .from(parcels)
    .where(sql`${suppliedNotStarted(asOf)} AND (${within})`)
    .orderBy(parcels.suppliedOn, parcels.id)
    .limit(5000);
}
