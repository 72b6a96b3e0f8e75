import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./env";
import { securityLogApi, usersApi } from "./admin/api";
import { adminLogPages } from "./admin/log-pages";
import { adminSchedulePages } from "./admin/schedule-pages";
import { adminUserPages } from "./admin/users-pages";
import { assetPages } from "./assets/pages";
import { sessionApi } from "./auth/api";
import { adminLockoutPages } from "./auth/lockout-pages";
import { authPages } from "./auth/pages";
import { batchesApi } from "./batches/api";
import { batchPages } from "./batches/pages";
import { homePages } from "./home/pages";
import { Refusal, resolveUser } from "./http/authorize";
import { ClockSeamRefused } from "./http/clock";
import { requestContext } from "./http/context";
import { logForbidden } from "./http/forbidden-log";
import { readableForms } from "./http/form-body";
import { jsonOnlyApi } from "./http/json-only";
import { bodyLimits, noStoreForSessions } from "./http/limits";
import { enforcePolicy } from "./http/policy";
import { deny, isApi, notFound, problem } from "./http/respond";
import { rowsReadHeader } from "./http/rows-read-header";
import { securityHeaders } from "./http/secure-headers";
import { t } from "./i18n";
import { parcelsApi } from "./parcels/api";
import { parcelPages } from "./parcels/pages";
import { digestionApi } from "./digestion/api";
import { digestionPages } from "./digestion/pages";
import { battleMapApi } from "./battle-map/api";
import { battleMapPages } from "./battle-map/pages";
import { problemsApi, projectsApi } from "./projects/api";
import { projectPages } from "./projects/pages";
import { targetsApi } from "./targets/api";
import { targetPages } from "./targets/pages";
import { idleLandApi } from "./idle-land/api";
import { idleLandPages } from "./idle-land/pages";
import { reviewsApi } from "./reviews/api";
import { reviewPages } from "./reviews/pages";
import { importPages } from "./imports/pages";
import { townsApi } from "./towns/api";
import { townPages } from "./towns/pages";
import { ErrorPage } from "../views/error-page";

export const app = new Hono<AppEnv>();

// Outermost, so headers land on every answer: pages, fragments, JSON, redirects, errors, 404s.
app.use(securityHeaders);
// Nothing said to a signed-in user (or while signing one in) is kept in a cache.
app.use(noStoreForSessions);
// Bench only (BENCH=1): counts D1 rows read and round trips per request. Before any query runs.
app.use(rowsReadHeader);
// Sees the final status of every answer, so every 403 is logged whoever refused it.
app.use(logForbidden);
app.use(requestContext);
// Before anything reads a body: a body over the limit is a 413 (http/limits.tsx).
app.use(bodyLimits);
app.use(jsonOnlyApi);
// Form posts must come from this origin; the API is guarded by its content type instead (jsonOnlyApi).
const csrfGuard = csrf();
app.use((c, next) => (isApi(c) ? next() : csrfGuard(c, next)));
app.use(enforcePolicy);
app.use(readableForms);

// One feature a folder; each mounts its pages and its JSON twin.
app.route("/", assetPages);
app.route("/", authPages);
app.route("/", homePages);
app.route("/parcels", parcelPages);
app.route("/batches", batchPages);
app.route("/digestion", digestionPages);
app.route("/projects", projectPages);
app.route("/battle-map", battleMapPages);
app.route("/admin", adminUserPages);
app.route("/admin", adminLogPages);
app.route("/admin", adminSchedulePages);
app.route("/admin", adminLockoutPages);
app.route("/idle-land", idleLandPages);
app.route("/reviews/weekly", reviewPages);
app.route("/import", importPages);
app.route("/admin", targetPages);
app.route("/admin", townPages);
app.route("/api/v1/session", sessionApi);
app.route("/api/v1/parcels", parcelsApi);
app.route("/api/v1/batches", batchesApi);
app.route("/api/v1/security-log", securityLogApi);
app.route("/api/v1/users", usersApi);
app.route("/api/v1/digestion", digestionApi);
app.route("/api/v1/projects", projectsApi);
app.route("/api/v1/problems", problemsApi);
app.route("/api/v1/battle-map", battleMapApi);
app.route("/api/v1/targets", targetsApi);
app.route("/api/v1/idle-land", idleLandApi);
app.route("/api/v1/reviews", reviewsApi);
app.route("/api/v1/towns", townsApi);

app.notFound(async (c) => {
  if (!isApi(c)) await resolveUser(c);
  return notFound(c);
});

app.onError((err, c) => {
  if (err instanceof Refusal) return deny(c, err.status);
  // hono/csrf refuses a cross-site form post by throwing a 403.
  if (err instanceof HTTPException && err.status === 403) return deny(c, 403);
  if (err instanceof HTTPException && err.status < 500) return err.getResponse();
  // A clock seam left on where it must not be: loud, and nothing served (see http/clock.ts).
  // A failed answer never hands out a session (or any other cookie) set before the failure.
  c.header("Set-Cookie", undefined);
  if (err instanceof ClockSeamRefused) console.error(`refusing to serve: ${err.message}`);
  else console.error(err);
  return isApi(c) || !c.get("lang")
    ? problem(c, 500, "internal")
    : c.html(<ErrorPage c={c} status={500} message={t(c.get("lang"), "error.internal")} />, 500);
});
