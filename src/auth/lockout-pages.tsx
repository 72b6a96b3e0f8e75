import { Hono } from "hono";
import { activeLocksQuery, liftLockStatements } from "./throttle";
import type { AppEnv } from "../env";
import { securityLogInsert } from "../http/audit";
import { authorize } from "../http/authorize";
import { readForm } from "../http/form";
import { problem } from "../http/respond";
import { t } from "../i18n";
import { pageCtx } from "../../views/page-context";
import { LockoutsPage } from "../../views/admin/lockouts-page";

// 登录锁定 the lock-outs in force, for admins to see and lift (ROUTE_POLICY: admins only). Kept with the
// throttle it undoes (src/auth/throttle.ts), mounted under /admin.
// Lifting deletes the lock and the failures behind it, and is logged in the same D1 batch.
export const adminLockoutPages = new Hono<AppEnv>()
  .get("/lockouts", async (c) => {
    const {
      results: [locks],
    } = await authorize(c, (db) => [activeLocksQuery(db, c.get("now"))]);
    const lifted = c.req.query("lifted");
    const done = lifted ? t(c.get("lang"), "admin.lock.lifted", { key: lifted }) : undefined;
    return c.html(<LockoutsPage ctx={pageCtx(c)} locks={locks} done={done} />);
  })
  .post("/lockouts/lift", async (c) => {
    const {
      db,
      results: [locks],
    } = await authorize(c, (db) => [activeLocksQuery(db, c.get("now"))]);
    const { key } = await readForm(c);
    const lock = locks.find((l) => l.key === key);
    if (!lock) return problemPage(c);
    await db.batch([
      ...liftLockStatements(db, lock.key),
      securityLogInsert(db, c, { kind: "login_unlocked", subjectName: lock.key, detail: { until: lock.lockedUntil } }),
    ]);
    return c.redirect(`/admin/lockouts?lifted=${encodeURIComponent(lock.key)}`, 303);
  });

// A lock that is not (or no longer) in force: 404, the page says so.
const problemPage = (c: Parameters<typeof problem>[0]) =>
  c.html(<LockoutsPage ctx={pageCtx(c)} locks={[]} done={t(c.get("lang"), "admin.lock.gone")} />, 404);
