import { env } from "cloudflare:workers";
import { BASE, call } from "../helpers";

// Shared by the /admin/users test files.
export type Fields = Record<string, string>;

/** A same-origin form post, as the browser sends it. */
export const post = (path: string, cookie: string, fields: Fields = {}, headers: Record<string, string> = {}) =>
  call(path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: BASE, "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
export const userRow = (id: number) =>
  env.DB.prepare("SELECT username, display_name, role, active, password_hash FROM users WHERE id = ?")
    .bind(id)
    .first<Record<string, unknown>>();
export const canRead = async (cookie: string) =>
  (await call("/api/v1/parcels?limit=1", { headers: { Cookie: cookie } })).status;
export const tryLogin = (username: string, password: string) =>
  call("/api/v1/session", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "CF-Connecting-IP": `192.0.2.${Math.floor(Math.random() * 250) + 1}`,
    },
    body: JSON.stringify({ username, password }),
  });
let n = 0;
export const fresh = () => `zhang.wei${++n}-${crypto.randomUUID().slice(0, 6)}`;
