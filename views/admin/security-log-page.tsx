import type { SecurityLogEntry } from "../../src/db/schema";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { AdminTabs } from "./admin-tabs";
import { SecurityLogTable } from "./security-log-table";

/** /admin/security-log: read-only, newest first (安全日志). */
export function SecurityLogPage(props: {
  ctx: PageCtx;
  items: SecurityLogEntry[];
  before: number | null;
  nextBefore: number | null;
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("admin.log.title")}>
      <h1>{ctx.t("admin.title")}</h1>
      <AdminTabs ctx={ctx} />
      <p class="muted hint">{ctx.t("admin.log.hint")}</p>
      <SecurityLogTable {...props} />
    </Layout>
  );
}
