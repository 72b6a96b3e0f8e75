import { Hono } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { varyOnHtmx, wantsFragment } from "../http/fragment";
import { securityLogPage, securityLogQuery } from "./queries";
import { pageCtx } from "../../views/page-context";
import { SecurityLogPage } from "../../views/admin/security-log-page";
import { SecurityLogTable } from "../../views/admin/security-log-table";

// 安全日志 the security log, admins only (ROUTE_POLICY). There is no route that changes it.
export const adminLogPages = new Hono<AppEnv>().get("/security-log", async (c) => {
  varyOnHtmx(c);
  // A malformed cursor shows the first page rather than an error: the log is only ever read.
  const raw = Number(c.req.query("before"));
  const before = Number.isSafeInteger(raw) && raw > 0 ? raw : null;
  const {
    results: [rows],
  } = await authorize(c, (db) => [securityLogQuery(db, before)]);
  const page = securityLogPage(rows);
  const props = { ctx: pageCtx(c), items: page.items, before, nextBefore: page.nextBefore };
  return c.html(wantsFragment(c) ? <SecurityLogTable {...props} /> : <SecurityLogPage {...props} />);
});
