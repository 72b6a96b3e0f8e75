import type { ParcelEventView } from "../../src/parcels/queries";
import type { Parcel } from "../../src/db/schema";
import { Field, FormErrors, TextArea, type FormScope } from "../components/field";
import type { PageCtx } from "../page-context";
import { DETAIL_ID } from "./detail-ids";

/** Undo the latest move in force (docs/PRODUCT.md §3): offered only to those who may, i.e. an admin or its officer on the same day. */
export function CorrectionForm(props: { ctx: PageCtx; f: FormScope; parcel: Parcel; last: ParcelEventView }) {
  const { ctx, f, parcel, last } = props;
  const action = `/parcels/${parcel.id}/corrections`;
  // A delay moved the agreed start, not the state: say which dates the correction swaps back.
  const data = last.kind === "delay" ? (JSON.parse(last.data) as Record<string, string>) : null;
  const what = data
    ? { from: data.newAgreedStartOn, to: data.previousAgreedStartOn, date: last.on }
    : { from: ctx.t(`state.${last.fromState}`), to: ctx.t(`state.${last.toState}`), date: last.on };
  return (
    <form method="post" action={action} hx-post={action} hx-target={`#${DETAIL_ID}`} hx-swap="outerHTML" novalidate>
      <h2>{ctx.t("pp.detail.correct")}</h2>
      <FormErrors ctx={ctx} f={f} />
      <p>{ctx.t(data ? "delay.correctWhat" : "pp.detail.correctWhat", what)}</p>
      <input type="hidden" name="version" value={String(parcel.version)} />
      <Field f={f} name="reason" label={ctx.t("move.reason")}>
        <TextArea f={f} name="reason" required maxlength={500} />
      </Field>
      <button type="submit">{ctx.t("pp.detail.correctSubmit")}</button>
    </form>
  );
}
