import { muText } from "../components/figures";
import type { Batch, BatchTotals } from "../../src/db/schema";
import { Field, FormErrors, Input, type FormScope } from "../components/field";
import type { PageCtx } from "../page-context";

export const BATCH_DETAIL_ID = "batch-detail";

/**
 * The approval form of an unapproved batch: one document and date move all its planned parcels
 * to `approved` at once. With htmx the refreshed detail replaces itself; without, a 303 back.
 */
export function ApprovalForm(props: { ctx: PageCtx; f: FormScope; batch: Batch; totals: BatchTotals; today: string }) {
  const { ctx, batch } = props;
  const f = { ...props.f, values: { ...props.f.values, date: props.f.values.date ?? props.today } };
  const action = `/batches/${batch.id}/approval`;
  return (
    <form
      method="post"
      action={action}
      hx-post={action}
      hx-target={`#${BATCH_DETAIL_ID}`}
      hx-swap="outerHTML"
      novalidate
    >
      <h2>{ctx.t("batch.approval.title")}</h2>
      <p class="muted hint">
        {ctx.t("batch.approval.hint", { count: props.totals.plannedCount, mu: muText(props.totals.plannedM2) })}
      </p>
      <FormErrors ctx={ctx} f={f} />
      <div class="form-grid">
        <Field f={f} name="docNo" label={ctx.t("batch.docNo")}>
          <Input f={f} name="docNo" required maxlength={100} />
        </Field>
        <Field f={f} name="date" label={ctx.t("batch.approval.date")}>
          <Input f={f} name="date" type="date" required />
        </Field>
      </div>
      <button type="submit">{ctx.t("batch.approval.submit")}</button>
    </form>
  );
}
