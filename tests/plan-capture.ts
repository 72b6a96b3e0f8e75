import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { app } from "../src/app";
import { BASE } from "./helpers";

/** One statement as the app sent it to D1. */
export type Captured = { sql: string; params: unknown[] };

/**
 * A D1 binding that records every statement (with its bound values) before D1 runs it, so a test can
 * ask SQLite how it planned exactly the SQL the app sent — not a hand-written copy that could drift.
 */
function recordingD1(log: Captured[]): D1Database {
  const record = (sql: string, stmt: D1PreparedStatement, params: unknown[]): D1PreparedStatement => {
    const entry = { sql, params };
    log.push(entry);
    const bound = Object.create(stmt) as D1PreparedStatement;
    bound.bind = (...values: unknown[]) => {
      entry.params = values;
      return stmt.bind(...values);
    };
    return bound;
  };
  return {
    prepare: (sql: string) => record(sql, env.DB.prepare(sql), []),
    batch: (stmts: D1PreparedStatement[]) => env.DB.batch(stmts),
    exec: (sql: string) => env.DB.exec(sql),
    withSession: () => env.DB.withSession(),
    dump: () => env.DB.dump(),
  } as unknown as D1Database;
}

/** Sends a request into the real app, with every D1 statement it runs recorded. */
export async function capture(
  path: string,
  init: RequestInit = {},
): Promise<{ res: Response; statements: Captured[] }> {
  const statements: Captured[] = [];
  const res = await app.fetch(new Request(BASE + path, init), { ...env, DB: recordingD1(statements) });
  await res.arrayBuffer();
  return { res, statements };
}

/** SQLite's plan for a statement, one line per step ("SEARCH parcels USING INDEX …"). */
export async function planOf(s: Captured): Promise<string[]> {
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${s.sql}`)
    .bind(...s.params)
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

/**
 * Why a plan is too slow for a hot path, or null. A SCAN of parcels or parcel_events reads the
 * whole table, except the unfiltered first page, which walks the primary key and stops after
 * LIMIT rows. A temporary B-tree for ORDER BY on parcels sorts every matching row to show one page.
 */
export function planProblem(s: Captured, plan: string[]): string | null {
  const sql = s.sql.toLowerCase();
  const pageWalk = !/\bwhere\b/.test(sql) && /\blimit\b/.test(sql);
  for (const step of plan) {
    if (/^SCAN (parcels|parcel_events|parcel_grams|parcel_tallies)\b/.test(step) && !pageWalk) return step;
    if (/TEMP B-TREE FOR ORDER BY/.test(step) && /\bfrom "?parcels"?/.test(sql)) return step;
  }
  return null;
}

/**
 * Sends one request as `cookie` and expects every statement it sent to D1 to be planned on an index;
 * a request that sent no statement at all fails too (the capture would otherwise prove nothing).
 */
export async function expectIndexed(cookie: string, path: string, init: RequestInit = {}, status = 200) {
  const { res, statements } = await capture(path, { ...init, headers: { Cookie: cookie, ...init.headers } });
  expect(res.status).toBe(status);
  expect(statements.length, `no D1 statement captured for ${path}`).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const s of statements) {
    const bad = planProblem(s, await planOf(s));
    if (bad) problems.push(`${bad}  ←  ${s.sql}`);
  }
  expect(problems).toEqual([]);
  return statements;
}
