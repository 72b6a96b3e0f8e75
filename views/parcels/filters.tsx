import { STATES } from "../../src/domain/chain";
import { LAND_USES } from "../../src/domain/fields";
import type { TownChoice } from "../../src/towns/queries";
import { TownSelect } from "../towns/town-select";
import type { FormValues } from "../../src/http/form";
import { MAX_SEARCH_CHARS } from "../../src/domain/search";
import type { ListOrder } from "../../src/parcels/list-read";
import { DEFAULT_DIR } from "../../src/parcels/list-sort";
import { emptyForm, Field, Input, Select } from "../components/field";
import type { PageCtx } from "../page-context";

export const ROWS_ID = "parcel-rows";

/**
 * The list filters. A plain GET form without JS; with htmx, typing or choosing refreshes only the
 * rows and pushes the filtered URL, so the address bar always names what is on screen. Typing is
 * caught on keyup, and on input too, since a paste, a datalist pick or an IME commit fires no keyup;
 * both share the form's one debounce, so a pause sends one request.
 */
export function ParcelFilters(props: { ctx: PageCtx; values: FormValues; towns: TownChoice[]; order?: ListOrder }) {
  const { ctx, order } = props;
  const f = emptyForm("filter", props.values);
  const any = ctx.t("common.all");
  return (
    <form
      class="filters"
      method="get"
      action="/parcels"
      role="search"
      aria-label={ctx.t("pp.filter.label")}
      hx-get="/parcels"
      hx-trigger="change, keyup changed delay:400ms, input changed delay:400ms, submit"
      hx-target={`#${ROWS_ID}`}
      hx-swap="innerHTML"
      hx-push-url="true"
    >
      <Field f={f} name="q" label={ctx.t("pl.filter.q")} hint={ctx.t("pl.filter.qHint")}>
        <Input f={f} name="q" type="search" maxlength={MAX_SEARCH_CHARS} />
      </Field>
      <Field f={f} name="state" label={ctx.t("parcel.state")}>
        <Select f={f} name="state" placeholder={any} options={STATES.map((s) => [s, ctx.t(`state.${s}`)])} />
      </Field>
      <Field f={f} name="town" label={ctx.t("parcel.town")}>
        <TownSelect ctx={ctx} f={f} towns={props.towns} placeholder={any} />
      </Field>
      <Field f={f} name="landUse" label={ctx.t("parcel.landUse")}>
        <Select f={f} name="landUse" placeholder={any} options={LAND_USES.map((u) => [u, ctx.t(`landUse.${u}`)])} />
      </Field>
      <Field f={f} name="batch" label={ctx.t("pl.filter.batch")}>
        <Input f={f} name="batch" maxlength={200} />
      </Field>
      <Field f={f} name="year" label={ctx.t("pl.filter.year")}>
        <Select f={f} name="year" placeholder={any} options={approvalYears(ctx.today)} />
      </Field>
      {/* The chosen sort travels with every filter change (the column headers set it). */}
      {order && order.sort !== "id" && <input type="hidden" name="sort" value={order.sort} />}
      {order && order.dir !== DEFAULT_DIR[order.sort] && <input type="hidden" name="dir" value={order.dir} />}
      <button type="submit">{ctx.t("common.search")}</button>
    </form>
  );
}

/** Approval years offered by the filter: this year back to 15 years ago, newest first. */
function approvalYears(today: string): [string, string][] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: 16 }, (_, i) => String(year - i)).map((y) => [y, y]);
}
