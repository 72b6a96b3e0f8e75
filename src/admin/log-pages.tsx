import { Hono } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { varyOnHtmx, wantsFragment } from "../http/fragment";
import { parseLogQuery } from "./log-query";
import { securityLogPage, securityLogQuery, securityLogTotalQuery } from "./queries";
import { pageCtx } from "../../views/page-context";
import { SecurityLogPage } from "../../views/admin/security-log-page";
import { SecurityLogTable } from "../../views/admin/security-log-table";

// 安全日志 the security log, admins only (ROUTE_POLICY). There is no route that changes it.
export const adminLogPages = new Hono<AppEnv>().get("/security-log", async (c) => {
  varyOnHtmx(c);
  const values = c.req.query();
  const q = parseLogQuery(values);
  // A hand-edited URL with a bad filter still shows the log (unfiltered), with a notice, as a 400.
  const { filter, before } = q.ok ? q : { filter: {}, before: null };
  const {
    results: [rows, [total]],
  } = await authorize(c, (db) => [securityLogQuery(db, filter, before), securityLogTotalQuery(db, filter)]);
  const page = securityLogPage(rows);
  const props = { ctx: pageCtx(c), items: page.items, filter, before, nextBefore: page.nextBefore, total: total.n };
  const status = q.ok ? 200 : 400;
  if (wantsFragment(c)) return c.html(<SecurityLogTable {...props} />, status);
  return c.html(<SecurityLogPage {...props} values={values} badQuery={!q.ok} />, status);
});
