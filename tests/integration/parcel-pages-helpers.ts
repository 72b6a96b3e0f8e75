import { expect } from "vitest";
import { BASE, call, createUser, jsonClient, knownTown, newParcel, PASSWORD } from "../helpers";
import { one } from "../html";

/** Logs in the way a browser does: the login form, answered 303 with the session cookie. */
export async function browserLogin(username: string): Promise<string> {
  const res = await call("/login", {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE },
    body: new URLSearchParams({ username, password: PASSWORD }).toString(),
  });
  expect(res.status).toBe(303);
  return res.headers.get("Set-Cookie")!.split(";")[0];
}

/** A logged-in browser of `role`: GETs and form posts carrying its cookie (and, for posts, the same-origin header). */
export async function browser(role: Parameters<typeof createUser>[0]) {
  const user = await createUser(role);
  const cookie = await browserLogin(user.username);
  // The same user's JSON client, for setting up data through the API.
  const api = { json: jsonClient(cookie) };
  const get = (path: string, headers: Record<string, string> = {}) =>
    call(path, { redirect: "manual", headers: { Cookie: cookie, ...headers } });
  const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    call(path, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: BASE, ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  return { ...user, cookie, get, post, api };
}

type JsonClient = { json: (method: string, path: string, body?: unknown) => Promise<Response> };

/** Registers a parcel through the JSON API and returns its id, code and version. */
export async function apiParcel(api: JsonClient, over: Record<string, unknown> = {}) {
  const body = newParcel(over);
  if (typeof over.town === "string") await knownTown(over.town);
  const res = await api.json("POST", "/api/v1/parcels", body);
  expect(res.status).toBe(201);
  const p = (await res.json()) as { id: number; code: string; version: number };
  return p;
}

/**
 * The HTML of one form field: from its label to the next field (or the form's end), so a test
 * can say "this message is next to that input".
 */
export function fieldHtml(html: string, inputId: string): string {
  const start = html.indexOf(`<label for="${inputId}">`);
  expect(start, `no label for ${inputId}`).toBeGreaterThan(-1);
  const rest = html.slice(start);
  const end = rest.slice(1).search(/<div class="field">|<\/form>|<fieldset/);
  return end === -1 ? rest : rest.slice(0, end + 1);
}

/**
 * Asserts the field `inputId` is marked invalid and points at its message, and the message (ids are unique on a
 * page, so it is that field's) is a field error reading `message` exactly.
 */
export async function expectFieldError(html: string, inputId: string, message: string) {
  const input = await one(html, `#${inputId}`);
  expect(input.attrs["aria-invalid"], inputId).toBe("true");
  expect(input.attrs["aria-describedby"], inputId).toBe(`${inputId}-error`);
  const error = await one(html, `#${inputId}-error`);
  expect(error.attrs.class, inputId).toBe("field-error");
  expect(error.text, inputId).toBe(message);
}

/** Parcel ids linked from table rows, in page order. */
export const rowIds = (html: string) => [...html.matchAll(/<td><a href="\/parcels\/(\d+)">/g)].map((m) => Number(m[1]));
