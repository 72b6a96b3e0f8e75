import {
  CHOICES_SHOWN,
  choiceOptions,
  MAX_CHOICE_SEARCH,
  type ChoiceHint,
  type ChoiceList,
} from "../../src/domain/choices";
import type { PageCtx } from "../page-context";
import { Field, fieldAttrs, type FormScope } from "./field";

/** The two pickers: the field the form posts, the search beside it, and the route answering the options. */
const KINDS = {
  batch: { field: "batchId", search: "batchQ", route: "/batches/choices" },
  project: { field: "projectId", search: "projectQ", route: "/projects/choices" },
} as const;
export type PickerKind = keyof typeof KINDS;

// One picker of a kind per page, so the hint's id needs no form prefix: the options route answers into it.
const hintId = (kind: PickerKind) => `${kind}-picker-hint`;

function hintText(ctx: PageCtx, kind: PickerKind, hint: ChoiceHint): string {
  if (hint.kind === "recent") return ctx.t("choice.recent", { n: CHOICES_SHOWN });
  if (hint.kind === "all") return ctx.t(`choice.${kind}.all`, { n: hint.count });
  if (hint.kind === "found") return ctx.t(`choice.${kind}.found`, { n: hint.count, q: hint.search });
  return ctx.t(`choice.${kind}.${hint.kind}`, { n: CHOICES_SHOWN, q: hint.search });
}

/**
 * The select's options — the blank choice (无), the chosen one whatever the search, then the matches — and the
 * hint saying which names these are. The options route sends them alone, its hint swapped in beside the select
 * (`oob`); the picker embeds the same.
 */
export function ChoiceOptions(props: { ctx: PageCtx; kind: PickerKind; list: ChoiceList; oob?: boolean }) {
  const { ctx, kind, list } = props;
  const { options, hint } = choiceOptions(list);
  const chosen = list.chosen?.id;
  return (
    <>
      <option value="">{ctx.t("common.none")}</option>
      {options.map((o) => (
        <option value={String(o.id)} selected={o.id === chosen}>
          {o.name}
        </option>
      ))}
      {props.oob && (
        <div id={hintId(kind)} hx-swap-oob="innerHTML">
          {hintText(ctx, kind, hint)}
        </div>
      )}
    </>
  );
}

/**
 * A batch or project select with a search beside it (issue 10 §1: a district has about a thousand of each). With
 * htmx, typing asks the options route for the names holding the text; without JS, 查找 sends the whole form back
 * to its own page (`action`) as a GET, which draws it again as typed with the options found.
 */
export function ChoicePicker(props: {
  ctx: PageCtx;
  f: FormScope;
  kind: PickerKind;
  label: string;
  list: ChoiceList;
  action: string;
}) {
  const { ctx, f, kind } = props;
  const k = KINDS[kind];
  const selectId = `${f.id}-${k.field}`;
  return (
    <Field f={f} name={k.field} label={props.label}>
      <select {...fieldAttrs(f, k.field)}>
        <ChoiceOptions ctx={ctx} kind={kind} list={props.list} />
      </select>
      <div class="picker-find">
        <label for={`${f.id}-${k.search}`}>{ctx.t(`choice.${kind}.search`)}</label>
        <input
          type="search"
          id={`${f.id}-${k.search}`}
          name={k.search}
          value={f.values[k.search] ?? ""}
          maxlength={MAX_CHOICE_SEARCH}
          autocomplete="off"
          aria-describedby={hintId(kind)}
          hx-get={k.route}
          hx-trigger="input changed delay:300ms, search"
          hx-target={`#${selectId}`}
          hx-swap="innerHTML"
          hx-include={`#${selectId}`}
        />
        <button
          type="submit"
          class="secondary"
          formmethod="get"
          formaction={props.action}
          formnovalidate
          aria-label={ctx.t(`choice.${kind}.find`)}
        >
          {ctx.t("choice.find")}
        </button>
      </div>
      <div id={hintId(kind)} class="muted hint" aria-live="polite">
        {hintText(ctx, kind, choiceOptions(props.list).hint)}
      </div>
    </Field>
  );
}
