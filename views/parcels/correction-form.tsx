import type { ParcelEventView } from "../../src/parcels/queries";
import type { Parcel } from "../../src/db/schema";
import { Field, FormErrors, TextArea, type FormScope } from "../components/field";
import type { PageCtx } from "../page-context";
import { DETAIL_ID } from "./detail-ids";

/**
 * Undo the latest move, delay or edit in force (docs/PRODUCT.md §3): offered only to those who may, i.e. an admin
 * or its officer on the same day. Behind a disclosure, so it is not mistaken for the next step; open when refused.
 */
export function CorrectionForm(props: { ctx: PageCtx; f: FormScope; parcel: Parcel; last: ParcelEventView }) {
  const { ctx, f, parcel, last } = props;
  const action = `/parcels/${parcel.id}/corrections`;
  let what: string;
  if (last.kind === "edit") what = ctx.t("pp.detail.correctEdit", { date: last.on });
  else if (last.kind === "delay") {
    // A delay moved the agreed start, not the state: say which dates the correction swaps back.
    const data = JSON.parse(last.data) as Record<string, string>;
    what = ctx.t("delay.correctWhat", {
      from: data.newAgreedStartOn ?? "",
      to: data.previousAgreedStartOn ?? "",
      date: last.on,
    });
  } else
    what = ctx.t("pp.detail.correctWhat", {
      from: ctx.t(`state.${last.fromState}`),
      to: ctx.t(`state.${last.toState}`),
      date: last.on,
    });
  const refused = Object.keys(f.errors).length > 0;
  return (
    <details class="correction" open={refused}>
      <summary>{ctx.t("pp.detail.correct")}</summary>
      <form method="post" action={action} hx-post={action} hx-target={`#${DETAIL_ID}`} hx-swap="outerHTML" novalidate>
        <FormErrors ctx={ctx} f={f} />
        <p>{what}</p>
        <input type="hidden" name="version" value={String(parcel.version)} />
        <Field f={f} name="reason" label={ctx.t("move.reason")}>
          <TextArea f={f} name="reason" required maxlength={500} />
        </Field>
        <button type="submit" class="secondary">
          {ctx.t("pp.detail.correctSubmit")}
        </button>
      </form>
    </details>
  );
}
