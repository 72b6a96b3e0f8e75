import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./env";
import { logForbidden } from "./http/forbidden-log";
import { readableForms } from "./http/form-body";
import { enforcePolicy } from "./http/policy";
import { requestContext } from "./http/context";
import { jsonOnlyApi } from "./http/json-only";
import { rowsReadHeader } from "./http/rows-read-header";
import { securityHeaders } from "./http/secure-headers";
import { deny, isApi, problem } from "./http/respond";
import { t } from "./i18n";
import { adminLog } from "./routes/admin-log";
import { adminUsers } from "./routes/admin-users";
import { authPages } from "./routes/auth";
import { health } from "./routes/health";
import { sessionApi } from "./routes/api/session";
import { parcelsApi } from "./routes/api/parcels";
import { batchesApi } from "./routes/api/batches";
import { parcelPages } from "./routes/parcels";
import { batchPages } from "./routes/batches";
import { home } from "./routes/home";
import { ErrorPage } from "../views/error-page";

export const app = new Hono<AppEnv>();

// Outermost, so headers land on every answer: pages, fragments, JSON, redirects, errors, 404s.
app.use(securityHeaders);
// Bench only (BENCH=1): counts D1 rows read per request into X-Rows-Read. Before any query runs.
app.use(rowsReadHeader);
// Sees the final status of every answer, so every 403 is logged whoever refused it.
app.use(logForbidden);
app.use(requestContext);
app.use(jsonOnlyApi);
// Form posts must come from this origin; the API is guarded by its content type instead (jsonOnlyApi).
const csrfGuard = csrf();
app.use((c, next) => (isApi(c) ? next() : csrfGuard(c, next)));
app.use(enforcePolicy);
app.use(readableForms);

app.route("/", health);
app.route("/", authPages);
app.route("/", home);
app.route("/parcels", parcelPages);
app.route("/admin", adminUsers);
app.route("/admin", adminLog);
app.route("/batches", batchPages);
app.route("/api/v1/session", sessionApi);
app.route("/api/v1/parcels", parcelsApi);
app.route("/api/v1/batches", batchesApi);

app.notFound((c) =>
  isApi(c) ? problem(c, 404, "not_found") : c.html(<ErrorPage c={c} status={404} message={t(c.get("lang") ?? "zh-CN", "error.not_found")} />, 404),
);

app.onError((err, c) => {
  // hono/csrf refuses a cross-site form post by throwing a 403.
  if (err instanceof HTTPException && err.status === 403) return deny(c, 403);
  if (err instanceof HTTPException && err.status < 500) return err.getResponse();
  console.error(err);
  return isApi(c) ? problem(c, 500, "internal") : c.html(<ErrorPage c={c} status={500} message={t(c.get("lang") ?? "zh-CN", "error.internal")} />, 500);
});
