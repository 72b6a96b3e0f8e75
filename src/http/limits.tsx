import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { t } from "../i18n";
import { ErrorPage } from "../../views/error-page";
import { isApi, problem } from "./respond";

/**
 * The largest request body taken by JSON and form routes: 1 MiB. The biggest real body (a batch
 * approval naming its parcels, a user form) is a few kB; without a limit a 120 MB body was parsed.
 * The ledger upload (POST /import) alone takes a file of up to MAX_IMPORT_BYTES, plus the form around it.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The largest ledger file taken: a 5,000-row ledger is about 1.5 MB as CSV, less as XLSX. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

const limitOf = (maxSize: number, message: string) =>
  bodyLimit({
    maxSize,
    onError: (c) => {
      const lang = c.get("lang") ?? "zh-CN";
      if (isApi(c)) return problem(c, 413, "payload_too_large");
      return c.html(<ErrorPage c={c} status={413} message={t(lang, message)} />, 413);
    },
  });
const limit = limitOf(MAX_BODY_BYTES, "error.payload_too_large");
const importLimit = limitOf(MAX_IMPORT_BYTES + 64 * 1024, "imp.file_too_large");

/** 413 for any body over the limit, counted as it streams in (a missing or lying Content-Length does not help). */
export const bodyLimits = createMiddleware<AppEnv>((c, next) =>
  (c.req.method === "POST" && c.req.path === "/import" ? importLimit : limit)(c, next),
);

/**
 * `Cache-Control: no-store` on every answer to a request carrying a session, and on every answer that
 * sets one (a login): pages and API answers hold a user's data and must not stay in a browser's or a
 * proxy's cache. Public files that say otherwise (the fingerprinted assets) keep their own header.
 */
export const noStoreForSessions = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const signedIn = Boolean(c.get("sessionId")) || c.res.headers.has("Set-Cookie");
  if (signedIn && !c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
});
