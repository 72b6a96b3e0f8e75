import { moveKind, type State } from "../../src/domain/chain";
import { MOVE_FIELDS, SUPPLY_METHODS } from "../../src/domain/moves";
import { Field, Input, Select, TextArea, type FormScope } from "../components/field";
import type { PageCtx } from "../page-context";
import { ChoicePicker } from "../components/choice-picker";
import type { ChoiceList } from "../../src/domain/choices";

export const MOVE_FIELDS_ID = "move-fields";

const DATE_FIELDS = new Set(["agreedStartOn", "agreedCompletionOn"]);

/** One field of a move, labelled for the target (a "文号" is a different document at each step). */
function MoveField(props: {
  ctx: PageCtx;
  f: FormScope;
  from: State;
  to: State;
  name: string;
  action: string;
  batches?: ChoiceList;
}) {
  const { ctx, f, from, to, name } = props;
  const label = name === "docNo" ? ctx.t(`pp.docNo.${to}`) : ctx.t(`move.${name}`);
  if (name === "method")
    return (
      <Field f={f} name={name} label={label}>
        <Select
          f={f}
          name={name}
          required
          placeholder={ctx.t("pp.choose")}
          options={SUPPLY_METHODS.map((m) => [m, ctx.t(`method.${m}`)])}
        />
      </Field>
    );
  if (name === "batchId") {
    const list = props.batches ?? { search: "", matches: [], chosen: null };
    return <ChoicePicker ctx={ctx} f={f} kind="batch" label={label} list={list} action={props.action} />;
  }
  if (name === "reason") {
    const needed = to === "withdrawn" || moveKind(from, to) === "skip";
    // The reason is asked only where the rule asks for it: a skip or a withdrawal (issue 10 §6).
    if (!needed) return null;
    return (
      <Field
        f={f}
        name={name}
        label={label}
        hint={needed && to !== "withdrawn" ? ctx.t("pp.detail.skipHint") : undefined}
      >
        <TextArea f={f} name={name} required={needed} maxlength={500} />
      </Field>
    );
  }
  const type = DATE_FIELDS.has(name) ? "date" : "text";
  const inputmode = name === "priceWan" ? "decimal" : undefined;
  return (
    <Field f={f} name={name} label={label}>
      <Input
        f={f}
        name={name}
        type={type}
        inputmode={inputmode}
        maxlength={name === "supervisionNo" ? 19 : undefined}
      />
    </Field>
  );
}

/** Only a move to `approved` names a batch: the route loads the choices for that target alone. */
export const needsBatchChoices = (to: string | null | undefined) => to === "approved";

/**
 * Exactly the fields a move from `from` to `to` needs (MOVE_FIELDS). The move form embeds this and
 * `GET /parcels/:id/move-fields?to=` returns it alone when the target select changes.
 */
export function MoveFieldInputs(props: {
  ctx: PageCtx;
  f: FormScope;
  from: State;
  to: State | null;
  /** The parcel's page: without JS the batch picker's 查找 reloads it with the form as typed. */
  action: string;
  batches?: ChoiceList;
}) {
  const { ctx, f, from, to } = props;
  if (!to) return <p class="muted">{ctx.t("pp.detail.chooseFirst")}</p>;
  return (
    <div class="form-grid">
      {MOVE_FIELDS[to].map((name) => (
        <MoveField ctx={ctx} f={f} from={from} to={to} name={name} action={props.action} batches={props.batches} />
      ))}
    </div>
  );
}
