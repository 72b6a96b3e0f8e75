import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { townHistory, towns, users, type Town } from "../db/schema";
import { sortTowns } from "../domain/towns";

// The towns feature's read API (镇/街道, issue 10 §2): statement builders for an authorize batch, and the
// shapers every form and filter uses. Parcels and projects carry the town's name; this list says which
// names exist and which are still offered.

/** Every town, retired ones included (a few dozen rows; limit 0 reads none). */
export const townsQuery = (db: Db, limit = 1000) => db.select().from(towns).limit(limit);

/** The towns offered for new entries: not retired. */
export const activeTownsQuery = (db: Db) =>
  db.select({ name: towns.name }).from(towns).where(eq(towns.retired, false)).limit(1000);

/** One town by id. */
export const townQuery = (db: Db, id: number) => db.select().from(towns).where(eq(towns.id, id)).limit(1);

/** Names in pinyin order (domain/towns.ts sortTowns, as the digestion figures sort them). */
export const townNames = (rows: readonly { name: string }[]) => sortTowns(rows.map((r) => r.name));

/** Rows in pinyin order of their names. */
export function sortedTowns<T extends { name: string }>(rows: readonly T[]): T[] {
  const order = new Map(townNames(rows).map((n, i) => [n, i]));
  return [...rows].sort((a, b) => order.get(a.name)! - order.get(b.name)!);
}

/** A town for a select: its name and whether it is retired. */
export type TownChoice = { name: string; retired: boolean };
export const townChoices = (rows: readonly Town[]): TownChoice[] =>
  sortedTowns(rows).map((t) => ({ name: t.name, retired: t.retired }));

/** The latest changes to the list, newest first, with who made them (null for the migration's rows). */
export const townHistoryQuery = (db: Db, limit = 50) =>
  db
    .select({
      id: townHistory.id,
      townId: townHistory.townId,
      action: townHistory.action,
      name: townHistory.name,
      previousName: townHistory.previousName,
      at: townHistory.at,
      actor: users.displayName,
    })
    .from(townHistory)
    .leftJoin(users, eq(users.id, townHistory.actorId))
    .orderBy(desc(townHistory.id))
    .limit(limit);
export type TownHistoryRow = Awaited<ReturnType<typeof townHistoryQuery>>[number];

/** A town in the API. */
export const townJson = (t: Town) => ({
  id: t.id,
  name: t.name,
  retired: t.retired,
  version: t.version,
  updatedAt: t.updatedAt,
});
