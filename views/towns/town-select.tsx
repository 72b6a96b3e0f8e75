import type { TownChoice } from "../../src/towns/queries";
import { fieldAttrs, type FormScope } from "../components/field";
import type { PageCtx } from "../page-context";

/**
 * The town (镇/街道) select every form and filter uses, in pinyin order. A form offers the active towns; a
 * filter passes `retired` too, labelled, since old parcels may carry one. A typed value that is not on the
 * list (a refused form, an old link) stays chosen as its own option, so nothing typed is lost.
 */
export function TownSelect(props: {
  ctx: PageCtx;
  f: FormScope;
  name?: string;
  towns: readonly TownChoice[];
  /** The blank first choice: "全部" in a filter, "请选择" in a form. */
  placeholder: string;
  required?: boolean;
  extra?: Record<string, string>;
}) {
  const { ctx, f } = props;
  const name = props.name ?? "town";
  const chosen = f.values[name] ?? "";
  const listed = props.towns.some((t) => t.name === chosen);
  return (
    <select {...(props.extra ?? {})} {...fieldAttrs(f, name)} required={props.required}>
      <option value="">{props.placeholder}</option>
      {props.towns.map((t) => (
        <option value={t.name} selected={t.name === chosen}>
          {t.retired ? ctx.t("town.retiredOption", { name: t.name }) : t.name}
        </option>
      ))}
      {chosen !== "" && !listed && (
        <option value={chosen} selected>
          {chosen}
        </option>
      )}
    </select>
  );
}
