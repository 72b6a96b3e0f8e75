import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

/** The request's database handle. One D1 database per district; the binding picks it. */
export function getDb(env: { DB: D1Database }) {
  return drizzle(env.DB, { schema });
}

export type Db = ReturnType<typeof getDb>;
