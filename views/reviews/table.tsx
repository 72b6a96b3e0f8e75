import { cellText } from "../../src/reviews/cells";
import type { Table } from "../../src/reviews/tables";
import { countText } from "../components/figures";
import type { PageCtx } from "../page-context";

const NUMERIC = new Set(["int", "mu", "pct"]);

/**
 * One section's table, cell for cell what the CSV and the XLSX carry; numbers right-aligned. `total` and
 * `moreHref`: the table holds the first of `total` rows, and the rest are a link away.
 */
export function ReviewTable(props: { ctx: PageCtx; table: Table; total?: number; moreHref?: string }) {
  const { ctx, table } = props;
  if (!table.rows.length) return <p class="empty">{ctx.t("rev.empty")}</p>;
  const total = props.total ?? table.rows.length;
  return (
    <div class="table-wrap">
      <table id={`rev-${table.id}`} data-table={table.id}>
        <caption>{ctx.t(`rev.sheet.${table.id}`)}</caption>
        <thead>
          <tr>
            {table.cols.map((c) => (
              <th scope="col" class={NUMERIC.has(c.kind) ? "num" : undefined}>
                {ctx.t(`rev.col.${c.key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr>
              {table.cols.map((c, i) => (
                <td class={NUMERIC.has(c.kind) ? "num" : undefined}>{cellText(ctx.lang, c, row[i])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {total > table.rows.length && props.moreHref && (
        <p class="rev-more" id={`rev-more-${table.id}`} data-shown={table.rows.length} data-total={total}>
          {ctx.t("rev.firstRows", { shown: countText(table.rows.length), total: countText(total) })}{" "}
          <a href={props.moreHref}>
            {ctx.t("rev.showAll", { total: countText(total), sheet: ctx.t(`rev.sheet.${table.id}`) })}
          </a>
        </p>
      )}
    </div>
  );
}
