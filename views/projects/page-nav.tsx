import type { FormValues } from "../../src/http/form";
import { PROJECT_STATUSES, type StatusCounts } from "../../src/projects/queries";
import type { PageCtx } from "../page-context";

/** `action` with the query as given, `changes` applied (undefined drops a key). */
export function hrefWith(action: string, values: FormValues, changes: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, ...changes })) if (v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? `${action}?${s}` : action;
}

/** Numbered pages of a risk-ordered project list: previous, "page x of y (n projects)", next. Plain links. */
export function PageNav(props: {
  ctx: PageCtx;
  action: string;
  values: FormValues;
  page: number;
  pages: number;
  total: number;
}) {
  const { ctx, action, values, page, pages } = props;
  if (pages <= 1) return null;
  const to = (p: number) => hrefWith(action, values, { page: p === 1 ? undefined : String(p) });
  return (
    <nav class="pager" aria-label={ctx.t("project.pages")}>
      {page > 1 && (
        <a href={to(1)} rel={page === 2 ? "prev" : undefined}>
          {ctx.t("common.first")}
        </a>
      )}
      {page > 2 && (
        <a href={to(page - 1)} rel="prev">
          {ctx.t("project.prevPage")}
        </a>
      )}
      <span aria-current="page">{ctx.t("project.pageOf", { page, pages, total: props.total })}</span>
      {page < pages && (
        <a href={to(page + 1)} rel="next">
          {ctx.t("common.next")}
        </a>
      )}
    </nav>
  );
}

/**
 * How many projects (of those the other filters keep) are in each status, each a link that filters by it:
 * the whole picture above a page of the risk-ordered list.
 */
export function StatusCountsBar(props: { ctx: PageCtx; action: string; values: FormValues; counts: StatusCounts }) {
  const { ctx, action, values, counts } = props;
  const total = PROJECT_STATUSES.reduce((n, s) => n + counts[s], 0);
  const chosen = values.status ?? "";
  return (
    <ul class="status-counts" aria-label={ctx.t("project.countsLabel")}>
      {PROJECT_STATUSES.map((s) => (
        <li class={`m-${s}`} data-status={s}>
          <a
            href={hrefWith(action, values, { status: s, page: undefined })}
            aria-current={chosen === s ? "true" : undefined}
          >
            {ctx.t(`mstatus.${s}`)} <strong>{counts[s]}</strong>
          </a>
        </li>
      ))}
      <li data-status="all">
        <a href={hrefWith(action, values, { status: undefined, page: undefined })}>
          {ctx.t("project.countsTotal")} <strong>{total}</strong>
        </a>
      </li>
    </ul>
  );
}
