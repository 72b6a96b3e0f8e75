import type { SecurityLogEntry } from "../../src/db/schema";
import type { LogFilter } from "../../src/admin/log-query";
import { SECURITY_KINDS } from "../../src/http/audit";
import type { FormValues } from "../../src/http/form";
import { emptyForm, Field, Input, Select } from "../components/field";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { AdminTabs } from "./admin-tabs";
import { SECURITY_LOG_ID } from "./ids";
import { SecurityLogTable } from "./security-log-table";

/** /admin/security-log: read-only, newest first (安全日志), filtered by user, kind and Beijing dates. */
export function SecurityLogPage(props: {
  ctx: PageCtx;
  items: SecurityLogEntry[];
  filter: LogFilter;
  before: number | null;
  nextBefore: number | null;
  total: number;
  values: FormValues;
  badQuery: boolean;
}) {
  const { ctx } = props;
  const f = emptyForm("logf", props.values);
  return (
    <Layout ctx={ctx} title={ctx.t("admin.log.title")}>
      <h1>{ctx.t("admin.title")}</h1>
      <AdminTabs ctx={ctx} />
      <p class="muted hint">{ctx.t("admin.log.hint")}</p>
      <form
        class="filters"
        method="get"
        action="/admin/security-log"
        role="search"
        hx-get="/admin/security-log"
        hx-target={`#${SECURITY_LOG_ID}`}
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <Field f={f} name="user" label={ctx.t("admin.log.actor")}>
          <Input f={f} name="user" maxlength={100} />
        </Field>
        <Field f={f} name="kind" label={ctx.t("admin.log.kind")}>
          <Select
            f={f}
            name="kind"
            placeholder={ctx.t("common.all")}
            options={SECURITY_KINDS.map((k) => [k, ctx.t(`security.kind.${k}`)])}
          />
        </Field>
        <Field f={f} name="from" label={ctx.t("admin.log.from")}>
          <Input f={f} name="from" type="date" />
        </Field>
        <Field f={f} name="to" label={ctx.t("admin.log.to")}>
          <Input f={f} name="to" type="date" />
        </Field>
        <button type="submit">{ctx.t("common.search")}</button>
      </form>
      {props.badQuery && (
        <p class="notice error" role="alert">
          {ctx.t("admin.log.badQuery")}
        </p>
      )}
      <SecurityLogTable {...props} />
    </Layout>
  );
}
