import type { Context } from "hono";

/** Longest Idempotency-Key taken; a longer one is refused (400), never cut, so two long keys cannot collide. */
export const MAX_IDEMPOTENCY_KEY = 200;

export type KeyRead = { ok: true; key: string | undefined } | { ok: false };

/** The request's Idempotency-Key: absent (or blank) is no key; over 200 characters is refused. */
export function readIdempotencyKey(c: Context): KeyRead {
  const key = c.req.header("Idempotency-Key");
  if (!key) return { ok: true, key: undefined };
  return key.length > MAX_IDEMPOTENCY_KEY ? { ok: false } : { ok: true, key };
}

/**
 * SHA-256 (hex) of what makes a request this request: method, path and the parsed body (re-serialised,
 * so spacing does not count). Stored with the key; a reuse of the key with any other request is refused.
 */
export async function requestHash(method: string, path: string, body: unknown): Promise<string> {
  const text = `${method} ${path}\n${JSON.stringify(body)}`;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
