import { env, exports } from "cloudflare:workers";
import { hashPassword } from "../src/domain/password";
import { addDays, shanghaiDate } from "../src/domain/dates";
import type { Role } from "../src/env";

export const BASE = "http://127.0.0.1:8787";
export const PASSWORD = "test-password-123";

/** Sends a request into the real Worker. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(BASE + path, init));
}

let seq = 0;
const hashes = new Map<string, Promise<string>>();

/** Inserts an active user of `role` and returns its id and username. */
export async function createUser(role: Role, username = `${role}-${++seq}-${crypto.randomUUID().slice(0, 8)}`) {
  if (!hashes.has(PASSWORD)) hashes.set(PASSWORD, hashPassword(PASSWORD));
  const hash = await hashes.get(PASSWORD)!;
  const row = await env.DB.prepare(
    "INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, ?, ?) RETURNING id",
  )
    .bind(username, `测试${role}`, role, hash)
    .first<{ id: number }>();
  return { id: row!.id, username };
}

/** Logs in through the API and returns the session cookie header value. */
export async function login(username: string, password = PASSWORD): Promise<string> {
  const res = await call("/api/v1/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.get("Set-Cookie")!;
  return cookie.split(";")[0];
}

/** A JSON client bound to a session cookie: the one way tests call the API. */
export function jsonClient(cookie: string) {
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(path, {
      method,
      headers: { Cookie: cookie, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

/** A logged-in user of `role`: its id and a JSON client bound to its session. */
export async function session(role: Role) {
  const user = await createUser(role);
  const cookie = await login(user.username);
  return { ...user, cookie, json: jsonClient(cookie) };
}

/** Today in Asia/Shanghai by the real clock (what the app uses when a test does not fix it), and n days from it. */
export const todayInShanghai = (n = 0) => addDays(shanghaiDate(new Date()), n);

/** Row count of a table (or a WHERE clause on it), straight from D1. */
export async function count(table: string, where = "1=1", ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)
    .bind(...binds)
    .first<{ n: number }>();
  return row!.n;
}

/** The raw parcel row, for asserting that a refused write changed nothing. */
export async function parcelRow(id: number) {
  return env.DB.prepare("SELECT * FROM parcels WHERE id = ?").bind(id).first();
}

let codeSeq = 0;
/** A valid registration body; `over` replaces fields. */
export function newParcel(over: Record<string, unknown> = {}) {
  return {
    code: `330402-T${String(++codeSeq).padStart(5, "0")}-${crypto.randomUUID().slice(0, 6)}`,
    name: "南湖区凤桥镇测试地块",
    town: "凤桥镇",
    landUse: "industrial",
    origin: "collective",
    area: { value: 12.5, unit: "mu" },
    ...over,
  };
}

/**
 * Puts `name` on the towns list (src/towns), as an admin would: a parcel's town must be on it. Tests that want a
 * town of their own (so a filter finds only their parcels) add it first.
 */
export async function knownTown(name: string): Promise<void> {
  await env.DB.prepare("INSERT OR IGNORE INTO towns (name, updated_at) VALUES (?, ?)")
    .bind(name, new Date().toISOString())
    .run();
}
