import { BATCH_KINDS } from "../../src/domain/batches";
import type { FormValues } from "../../src/http/form";
import { emptyForm, Field, Select } from "../components/field";
import type { PageCtx } from "../page-context";

export const BATCH_ROWS_ID = "batch-rows";

/** Kind and approval-year filters: a plain GET form, and with htmx a change refreshes only the rows. */
export function BatchFilters(props: { ctx: PageCtx; values: FormValues; years: number[] }) {
  const { ctx } = props;
  const f = emptyForm("bf", props.values);
  const any = ctx.t("common.all");
  return (
    <form
      class="filters"
      method="get"
      action="/batches"
      role="search"
      aria-label={ctx.t("batch.filter")}
      hx-get="/batches"
      hx-trigger="change, submit"
      hx-target={`#${BATCH_ROWS_ID}`}
      hx-swap="innerHTML"
      hx-push-url="true"
    >
      <Field f={f} name="kind" label={ctx.t("batch.kind")}>
        <Select f={f} name="kind" placeholder={any} options={BATCH_KINDS.map((k) => [k, ctx.t(`batch.kind.${k}`)])} />
      </Field>
      <Field f={f} name="year" label={ctx.t("batch.year")}>
        <Select f={f} name="year" placeholder={any} options={props.years.map((y) => [String(y), String(y)])} />
      </Field>
      {/* The chosen order survives filtering. */}
      {f.values.sort && <input type="hidden" name="sort" value={f.values.sort} />}
      {f.values.dir && <input type="hidden" name="dir" value={f.values.dir} />}
      <button type="submit">{ctx.t("common.search")}</button>
    </form>
  );
}
