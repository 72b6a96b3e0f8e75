import { AREA_UNITS } from "../../src/domain/area";
import type { ChoiceList } from "../../src/domain/choices";
import { ChoicePicker } from "../components/choice-picker";
import { LAND_USES, ORIGINS } from "../../src/domain/fields";
import type { ParcelDetailView } from "../../src/parcels/detail-queries";
import type { TownChoice } from "../../src/towns/queries";
import { fieldAttrs, Field, FormErrors, Input, Select, TextArea, type FormScope } from "../components/field";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { TownSelect } from "../towns/town-select";

/** The area check box, shown once an area was refused as implausible (or ticked already). */
export function ConfirmArea(props: { ctx: PageCtx; f: FormScope }) {
  const { ctx, f } = props;
  if (!f.errors.areaValue && !f.values.confirmArea) return null;
  return (
    <Field f={f} name="confirmArea" label={ctx.t("pp.edit.confirmArea")} hint={ctx.t("pp.edit.confirmAreaHint")}>
      <input type="checkbox" value="1" checked={Boolean(f.values.confirmArea)} {...fieldAttrs(f, "confirmArea")} />
    </Field>
  );
}

/**
 * `/parcels/:id/edit`: the registration fields an officer may correct, with a required reason. Dates and document
 * numbers belong to moves and are not here: the page says so. The version it was drawn from travels hidden.
 */
export function EditPage(props: {
  ctx: PageCtx;
  parcel: ParcelDetailView;
  f: FormScope;
  towns: TownChoice[];
  batches: ChoiceList;
  projects: ChoiceList;
  /** The version the form names: the one it was first drawn from, carried through a search without JS. */
  version?: string;
  conflict?: boolean;
}) {
  const { ctx, f, parcel: p } = props;
  const t = ctx.t;
  const title = t("pp.edit.title", { code: p.code, name: p.name });
  const action = `/parcels/${p.id}/edit`;
  // The parcel's own town stays choosable even when it is retired (or not on the list at all).
  const towns = props.towns.some((x) => x.name === p.town)
    ? props.towns
    : [...props.towns, { name: p.town, retired: true }];
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/parcels/${p.id}`}>{t("pp.edit.back")}</a>
      </p>
      <h1>{title}</h1>
      {props.conflict && (
        <p class="notice error" role="alert">
          {t("pp.edit.conflict")}
        </p>
      )}
      <p class="muted">{t("pp.edit.movesOwn")}</p>
      <FormErrors ctx={ctx} f={f} />
      <form method="post" action={action} novalidate>
        <input type="hidden" name="version" value={props.version ?? String(p.version)} />
        <div class="form-grid">
          <Field f={f} name="name" label={t("parcel.name")}>
            <Input f={f} name="name" required maxlength={200} />
          </Field>
          <Field f={f} name="town" label={t("parcel.town")}>
            <TownSelect ctx={ctx} f={f} towns={towns} placeholder={t("pp.choose")} required />
          </Field>
          <Field f={f} name="landUse" label={t("parcel.landUse")}>
            <Select f={f} name="landUse" required options={LAND_USES.map((u) => [u, t(`landUse.${u}`)])} />
          </Field>
          <Field f={f} name="origin" label={t("parcel.origin")}>
            <Select f={f} name="origin" required options={ORIGINS.map((o) => [o, t(`origin.${o}`)])} />
          </Field>
          <Field f={f} name="areaValue" label={t("pp.new.areaValue")} hint={t("pp.edit.numberHint")}>
            <Input f={f} name="areaValue" required inputmode="decimal" />
          </Field>
          <Field f={f} name="areaUnit" label={t("parcel.areaUnit")}>
            <Select f={f} name="areaUnit" options={AREA_UNITS.map((u) => [u, t(`unit.${u}`)])} />
          </Field>
          <ChoicePicker ctx={ctx} f={f} kind="batch" label={t("pp.new.batchId")} list={props.batches} action={action} />
          <ChoicePicker
            ctx={ctx}
            f={f}
            kind="project"
            label={t("parcel.project")}
            list={props.projects}
            action={action}
          />
        </div>
        <ConfirmArea ctx={ctx} f={f} />
        <Field f={f} name="reason" label={t("pp.edit.reason")}>
          <TextArea f={f} name="reason" required maxlength={500} />
        </Field>
        <button type="submit">{t("pp.edit.submit")}</button>
      </form>
    </Layout>
  );
}
