import { logFilterQuery, type LogFilter } from "../../src/admin/log-query";
import type { SecurityLogEntry } from "../../src/db/schema";
import { Pager } from "../components/pager";
import type { PageCtx } from "../page-context";
import { SECURITY_LOG_ID } from "./ids";

const ROLE_FIELDS = new Set(["from", "to", "role"]);

/** Beijing wall-clock time to the second: the order of events within a minute matters here. */
function beijing(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? iso
    : new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** The entry's details as "key: value" pairs, role codes as role names. */
function detailText(ctx: PageCtx, detail: string | null): string {
  if (!detail) return "";
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(detail) as Record<string, unknown>;
  } catch {
    return detail;
  }
  return Object.entries(parsed)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(
      ([k, v]) =>
        `${k}: ${ROLE_FIELDS.has(k) ? ctx.t(`role.${String(v)}`) : k === "until" ? beijing(String(v)) : String(v)}`,
    )
    .join("，");
}

/** The log rows, newest first, with the total and the keyset pager: the fragment the filters and pager swap. */
export function SecurityLogTable(props: {
  ctx: PageCtx;
  items: SecurityLogEntry[];
  filter: LogFilter;
  before: number | null;
  nextBefore: number | null;
  total: number;
}) {
  const { ctx, items } = props;
  const filtered = Object.values(props.filter).some(Boolean);
  return (
    <div id={SECURITY_LOG_ID}>
      <p class="summary">{ctx.t("admin.log.total", { n: props.total })}</p>
      {items.length === 0 ? (
        <p class="empty">{ctx.t(filtered ? "admin.log.emptyFiltered" : "admin.log.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table class="security-log">
            <thead>
              <tr>
                <th>{ctx.t("admin.log.at")}</th>
                <th>{ctx.t("admin.log.kind")}</th>
                <th class="num">{ctx.t("admin.log.count")}</th>
                <th>{ctx.t("admin.log.actor")}</th>
                <th>{ctx.t("admin.log.subject")}</th>
                <th>{ctx.t("admin.log.ip")}</th>
                <th>{ctx.t("admin.log.request")}</th>
                <th>{ctx.t("admin.log.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr class={`log-${e.kind}`}>
                  <td>
                    <time datetime={e.at}>{beijing(e.at)}</time>
                  </td>
                  <td>{ctx.t(`security.kind.${e.kind}`)}</td>
                  <td class="num">
                    {e.count}
                    {e.lastAt && e.count > 1 && (
                      <>
                        {" "}
                        <span class="muted">
                          {ctx.t("admin.log.until")} <time datetime={e.lastAt}>{beijing(e.lastAt)}</time>
                        </span>
                      </>
                    )}
                  </td>
                  <td>{e.actorName ?? ""}</td>
                  <td>{e.subjectName ?? ""}</td>
                  <td>{e.ip ?? ""}</td>
                  <td>{e.method && e.path ? `${e.method} ${e.path}` : ""}</td>
                  <td>{detailText(ctx, e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        ctx={ctx}
        label={ctx.t("admin.log.title")}
        firstHref={props.before === null ? null : `/admin/security-log${logFilterQuery(props.filter)}`}
        nextHref={
          props.nextBefore === null ? null : `/admin/security-log${logFilterQuery(props.filter, props.nextBefore)}`
        }
        target={`#${SECURITY_LOG_ID}`}
      />
    </div>
  );
}
