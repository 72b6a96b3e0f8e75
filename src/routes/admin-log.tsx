import { Hono } from "hono";
import { listSecurityLog } from "../auth/security-log";
import { getDb } from "../db/client";
import type { AppEnv } from "../env";
import { varyOnHtmx, wantsFragment } from "../http/fragment";
import { pageCtx } from "../../views/page-context";
import { SecurityLogPage } from "../../views/admin/security-log-page";
import { SecurityLogTable } from "../../views/admin/security-log-table";

export const SECURITY_LOG_PAGE_SIZE = 50;

// 安全日志 the security log, admins only (ROUTE_POLICY). There is no route that changes it.
export const adminLog = new Hono<AppEnv>().get("/security-log", async (c) => {
  varyOnHtmx(c);
  // A malformed cursor shows the first page rather than an error: the log is only ever read.
  const raw = Number(c.req.query("before"));
  const before = Number.isSafeInteger(raw) && raw > 0 ? raw : null;
  const page = await listSecurityLog(getDb(c.env), before, SECURITY_LOG_PAGE_SIZE);
  const props = { ctx: pageCtx(c), items: page.items, before, nextBefore: page.nextBefore };
  return c.html(wantsFragment(c) ? <SecurityLogTable {...props} /> : <SecurityLogPage {...props} />);
});
