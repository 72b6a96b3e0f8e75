import type { Child } from "hono/jsx";
import type { PageCtx } from "../page-context";

/** Label/value pairs as a definition list; labels are catalogue keys. */
export function FieldList(props: { ctx: PageCtx; rows: [string, Child][] }) {
  return (
    <dl class="fields">
      {props.rows.map(([label, value]) => (
        <>
          <dt>{props.ctx.t(label)}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}
