import { AREA_UNITS } from "../../src/domain/area";
import type { ChoiceList } from "../../src/domain/choices";
import { ChoicePicker } from "../components/choice-picker";
import { LAND_USES, ORIGINS } from "../../src/domain/fields";
import { fieldAttrs, Field, FormErrors, Input, Select, TextArea, type FormScope } from "../components/field";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import type { TownChoice } from "../../src/towns/queries";
import { TownSelect } from "../towns/town-select";
import { ConfirmArea } from "./edit-page";

/**
 * The register form (docs/PRODUCT.md §3 `planned`; state-owned stock may go straight into the reserve).
 * A plain POST: a refused form comes back with every message beside its field and what was typed.
 */
export function RegisterPage(props: { ctx: PageCtx; f: FormScope; batches: ChoiceList; towns: TownChoice[] }) {
  const { ctx, f } = props;
  const reserved = f.values.state === "reserved";
  return (
    <Layout ctx={ctx} title={ctx.t("pp.new.title")}>
      <p>
        <a href="/parcels">{ctx.t("pp.new.back")}</a>
      </p>
      <h1>{ctx.t("pp.new.title")}</h1>
      <FormErrors ctx={ctx} f={f} />
      <form method="post" action="/parcels" class="register" novalidate>
        <div class="form-grid">
          <Field f={f} name="code" label={ctx.t("parcel.code")}>
            <Input f={f} name="code" required maxlength={50} />
          </Field>
          <Field f={f} name="name" label={ctx.t("parcel.name")}>
            <Input f={f} name="name" required maxlength={200} />
          </Field>
          <Field f={f} name="town" label={ctx.t("parcel.town")}>
            <TownSelect ctx={ctx} f={f} towns={props.towns} placeholder={ctx.t("pp.choose")} required />
          </Field>
          <Field f={f} name="landUse" label={ctx.t("parcel.landUse")}>
            <Select
              f={f}
              name="landUse"
              required
              placeholder={ctx.t("pp.choose")}
              options={LAND_USES.map((u) => [u, ctx.t(`landUse.${u}`)])}
            />
          </Field>
          <Field f={f} name="origin" label={ctx.t("parcel.origin")}>
            <Select
              f={f}
              name="origin"
              required
              placeholder={ctx.t("pp.choose")}
              options={ORIGINS.map((o) => [o, ctx.t(`origin.${o}`)])}
            />
          </Field>
          <Field f={f} name="areaValue" label={ctx.t("pp.new.areaValue")} hint={ctx.t("pp.edit.numberHint")}>
            <Input f={f} name="areaValue" required inputmode="decimal" />
          </Field>
          <Field f={f} name="areaUnit" label={ctx.t("parcel.areaUnit")}>
            <Select f={f} name="areaUnit" options={AREA_UNITS.map((u) => [u, ctx.t(`unit.${u}`)])} />
          </Field>
          <ChoicePicker
            ctx={ctx}
            f={f}
            kind="batch"
            label={ctx.t("pp.new.batchId")}
            list={props.batches}
            action="/parcels/new"
          />
        </div>
        <ConfirmArea ctx={ctx} f={f} />
        <fieldset>
          <legend>{ctx.t("pp.new.reserveLegend")}</legend>
          <Field f={f} name="state" label={ctx.t("pp.new.registerReserved")}>
            <input type="checkbox" value="reserved" checked={reserved} {...fieldAttrs(f, "state")} />
          </Field>
          <div class="form-grid">
            <Field f={f} name="date" label={ctx.t("pp.new.reserveDate")}>
              <Input f={f} name="date" type="date" />
            </Field>
            <Field f={f} name="reserveNo" label={ctx.t("move.reserveNo")}>
              <Input f={f} name="reserveNo" maxlength={100} />
            </Field>
          </div>
        </fieldset>
        <Field f={f} name="note" label={ctx.t("move.note")}>
          <TextArea f={f} name="note" maxlength={500} />
        </Field>
        <button type="submit">{ctx.t("pp.new.submit")}</button>
      </form>
    </Layout>
  );
}
