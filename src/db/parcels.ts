import { and, asc, desc, eq, getTableColumns, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "./client";
import { batches, chainTotals, parcelEvents, parcels, users, type Parcel } from "./schema";

export type ParcelFilter = {
  state?: string;
  town?: string;
  landUse?: string;
  batchId?: number;
  projectId?: number;
  q?: string;
};

/** LIKE with the user's %, _ and \ taken literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function filterWhere(f: ParcelFilter): SQL[] {
  const where: SQL[] = [];
  if (f.state) where.push(eq(parcels.state, f.state));
  if (f.town) where.push(eq(parcels.town, f.town));
  if (f.landUse) where.push(eq(parcels.landUse, f.landUse));
  if (f.batchId !== undefined) where.push(eq(parcels.batchId, f.batchId));
  if (f.projectId !== undefined) where.push(eq(parcels.projectId, f.projectId));
  if (f.q) {
    const q = likeEscape(f.q);
    where.push(or(sql`${parcels.code} LIKE ${q + "%"} ESCAPE '\\'`, sql`${parcels.name} LIKE ${"%" + q + "%"} ESCAPE '\\'`)!);
  }
  return where;
}

/** One page of parcels, newest first, by keyset on id: `cursor` is the last id of the previous page. */
export async function listParcels(db: Db, f: ParcelFilter, limit: number, cursor?: number) {
  const where = filterWhere(f);
  if (cursor !== undefined) where.push(lt(parcels.id, cursor));
  // The batch name rides along by primary key, so the list can name the batch (one index lookup a row).
  const rows = await db
    .select({ ...getTableColumns(parcels), batchName: batches.name })
    .from(parcels)
    .leftJoin(batches, eq(batches.id, parcels.batchId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(parcels.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}

export type ParcelListItem = Awaited<ReturnType<typeof listParcels>>["items"][number];

export async function findParcel(db: Db, id: number): Promise<Parcel | undefined> {
  return (await db.select().from(parcels).where(eq(parcels.id, id)).limit(1))[0];
}

/** A parcel's events, oldest first, each with the actor's username. */
export async function listParcelEvents(db: Db, parcelId: number) {
  return eventsQuery(db, parcelId);
}

function eventsQuery(db: Db, parcelId: number) {
  return db
    .select({
      id: parcelEvents.id,
      kind: parcelEvents.kind,
      fromState: parcelEvents.fromState,
      toState: parcelEvents.toState,
      on: parcelEvents.on,
      data: parcelEvents.data,
      note: parcelEvents.note,
      actorId: parcelEvents.actorId,
      actor: users.username,
      actorName: users.displayName,
      recordedAt: parcelEvents.recordedAt,
      version: parcelEvents.version,
      revertsEventId: parcelEvents.revertsEventId,
    })
    .from(parcelEvents)
    .innerJoin(users, eq(users.id, parcelEvents.actorId))
    .where(eq(parcelEvents.parcelId, parcelId))
    .orderBy(asc(parcelEvents.id));
}

export type ParcelEventView = Awaited<ReturnType<typeof listParcelEvents>>[number];

/** A parcel with its batch's name. */
export type ParcelView = Parcel & { batchName: string | null };

/** One parcel (with its batch's name) and its events, read in a single D1 round trip. */
export async function findParcelWithEvents(db: Db, id: number): Promise<{ parcel: ParcelView; events: ParcelEventView[] } | null> {
  const [found, events] = await db.batch([
    // Aliased: in a batch D1 answers rows as objects, where two "name" columns would collide.
    db.select({ ...getTableColumns(parcels), batchName: sql<string | null>`${batches.name}`.as("batch_name") }).from(parcels).leftJoin(batches, eq(batches.id, parcels.batchId)).where(eq(parcels.id, id)).limit(1),
    eventsQuery(db, id),
  ]);
  return found[0] ? { parcel: found[0], events } : null;
}

/** The event stored under an Idempotency-Key, if that key was used before. */
export async function findEventByIdempotencyKey(db: Db, key: string) {
  return (
    await db
      .select({ actorId: parcelEvents.actorId, parcelId: parcelEvents.parcelId, response: parcelEvents.response })
      .from(parcelEvents)
      .where(eq(parcelEvents.idempotencyKey, key))
      .limit(1)
  )[0];
}

/** Count and area per state, from the running totals. */
export async function chainTotalsByState(db: Db) {
  return db.select().from(chainTotals);
}
