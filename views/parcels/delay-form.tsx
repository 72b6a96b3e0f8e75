import type { Parcel } from "../../src/db/schema";
import { delayLimit } from "../../src/domain/idle-land";
import { Field, FormErrors, Input, TextArea, type FormScope } from "../components/field";
import type { PageCtx } from "../page-context";
import { DETAIL_ID } from "./detail-ids";

/**
 * 政府原因延期 a government-cause delay of the agreed start (docs/PRODUCT.md §6), offered while the parcel is
 * supplied and not started. The hint names the latest date allowed, so the limit is seen before typing.
 */
export function DelayForm(props: { ctx: PageCtx; f: FormScope; parcel: Parcel; today: string }) {
  const { ctx, f, parcel } = props;
  const action = `/parcels/${parcel.id}/delays`;
  const original = parcel.originalAgreedStartOn ?? parcel.agreedStartOn ?? "";
  const date = { ...f, values: { ...f.values, date: f.values.date ?? props.today } };
  const hint = ctx.t("delay.hint", {
    current: parcel.agreedStartOn ?? "—",
    original,
    limit: original ? delayLimit(original) : "—",
  });
  return (
    <form method="post" action={action} hx-post={action} hx-target={`#${DETAIL_ID}`} hx-swap="outerHTML" novalidate>
      <h2>{ctx.t("delay.title")}</h2>
      <FormErrors ctx={ctx} f={f} />
      <input type="hidden" name="version" value={String(parcel.version)} />
      <div class="form-grid">
        <Field f={f} name="newAgreedStartOn" label={ctx.t("move.newAgreedStartOn")} hint={hint}>
          <Input f={f} name="newAgreedStartOn" type="date" required />
        </Field>
        <Field f={date} name="date" label={ctx.t("move.date")}>
          <Input f={date} name="date" type="date" required />
        </Field>
        <Field f={f} name="docNo" label={ctx.t("delay.docNo")}>
          <Input f={f} name="docNo" required maxlength={100} />
        </Field>
      </div>
      <Field f={f} name="cause" label={ctx.t("move.cause")}>
        <TextArea f={f} name="cause" required maxlength={500} />
      </Field>
      <button type="submit">{ctx.t("delay.submit")}</button>
    </form>
  );
}
