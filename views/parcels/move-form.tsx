import type { Parcel } from "../../src/db/schema";
import type { State } from "../../src/domain/chain";
import type { ChoiceList } from "../../src/domain/choices";
import { Field, FormErrors, Input, Select, TextArea, type FormScope } from "../components/field";
import type { PageCtx } from "../page-context";
import { DETAIL_ID } from "./detail-ids";
import { MOVE_FIELDS_ID, MoveFieldInputs } from "./move-fields";

/**
 * The move form: choose a target and exactly its fields appear (htmx loads them; without JS the
 * "show fields" button reloads the page with ?to=). It names the version it was made against.
 */
export function MoveForm(props: {
  ctx: PageCtx;
  f: FormScope;
  parcel: Parcel;
  targets: State[];
  today: string;
  batches?: ChoiceList;
}) {
  const { ctx, f, parcel } = props;
  const base = `/parcels/${parcel.id}`;
  if (!props.targets.length)
    return (
      <>
        <h2>{ctx.t("pp.detail.move")}</h2>
        <p class="muted">{ctx.t("pp.detail.noTargets")}</p>
      </>
    );
  const to = props.targets.find((s) => s === f.values.to) ?? null;
  const date = { ...f, values: { ...f.values, date: f.values.date ?? props.today } };
  return (
    <form
      method="post"
      action={`${base}/moves`}
      hx-post={`${base}/moves`}
      hx-target={`#${DETAIL_ID}`}
      hx-swap="outerHTML"
      novalidate
    >
      <h2>{ctx.t("pp.detail.move")}</h2>
      <FormErrors ctx={ctx} f={f} />
      <input type="hidden" name="version" id="move-version" value={String(parcel.version)} />
      <div class="form-grid">
        <Field f={f} name="to" label={ctx.t("move.to")}>
          <Select
            f={f}
            name="to"
            required
            placeholder={ctx.t("pp.choose")}
            options={props.targets.map((s) => [s, ctx.t(`state.${s}`)])}
            extra={{
              "hx-get": `${base}/move-fields`,
              "hx-include": "#move-version",
              "hx-trigger": "change",
              "hx-target": `#${MOVE_FIELDS_ID}`,
              "hx-swap": "innerHTML",
            }}
          />
          <noscript>
            <button type="submit" formmethod="get" formaction={base} class="link">
              {ctx.t("pp.detail.showFields")}
            </button>
          </noscript>
        </Field>
        <Field f={date} name="date" label={ctx.t("move.date")}>
          <Input f={date} name="date" type="date" required />
        </Field>
      </div>
      <div id={MOVE_FIELDS_ID}>
        <MoveFieldInputs ctx={ctx} f={f} from={parcel.state as State} to={to} action={base} batches={props.batches} />
      </div>
      <Field f={f} name="note" label={ctx.t("move.note")}>
        <TextArea f={f} name="note" maxlength={500} />
      </Field>
      <button type="submit">{ctx.t("move.submit")}</button>
    </form>
  );
}
