import { BATCH_AREAS, BATCH_KINDS } from "../../src/domain/batches";
import { Field, FormErrors, Input, Select, TextArea, type FormScope } from "../components/field";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";

// 亩 or 公顷, as the approval documents state areas; the API also takes m².
const FORM_UNITS = ["mu", "ha"] as const;

/**
 * The batch register form (docs/PRODUCT.md §4). A plain POST: a refused form comes back with each message
 * beside its field and everything as typed.
 */
export function NewBatchPage(props: { ctx: PageCtx; f: FormScope }) {
  const { ctx, f } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("batch.new.title")}>
      <p>
        <a href="/batches">{ctx.t("batch.back")}</a>
      </p>
      <h1>{ctx.t("batch.new.title")}</h1>
      <FormErrors ctx={ctx} f={f} />
      <form method="post" action="/batches" novalidate>
        <div class="form-grid">
          <Field f={f} name="name" label={ctx.t("batch.name")}>
            <Input f={f} name="name" required maxlength={200} />
          </Field>
          <Field f={f} name="kind" label={ctx.t("batch.kind")}>
            <Select
              f={f}
              name="kind"
              required
              placeholder={ctx.t("batch.choose")}
              options={BATCH_KINDS.map((k) => [k, ctx.t(`batch.kind.${k}`)])}
            />
          </Field>
          <Field f={f} name="authority" label={ctx.t("batch.authority")}>
            <Input f={f} name="authority" maxlength={50} list="batch-authorities" />
          </Field>
        </div>
        <fieldset>
          <legend>{ctx.t("batch.registered")}</legend>
          <p class="muted hint">{ctx.t("batch.areasHint")}</p>
          <div class="form-grid">
            <Field f={f} name="unit" label={ctx.t("batch.unit")}>
              <Select f={f} name="unit" options={FORM_UNITS.map((u) => [u, ctx.t(`unit.${u}`)])} />
            </Field>
            {BATCH_AREAS.map((k) => (
              <Field f={f} name={k} label={ctx.t(`batch.${k}`)}>
                <Input f={f} name={k} inputmode="decimal" required={k === "totalArea"} />
              </Field>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{ctx.t("batch.historyLegend")}</legend>
          <p class="muted hint">{ctx.t("batch.historyHint")}</p>
          <div class="form-grid">
            <Field f={f} name="docNo" label={ctx.t("batch.docNo")}>
              <Input f={f} name="docNo" maxlength={100} />
            </Field>
            <Field f={f} name="approvedOn" label={ctx.t("batch.approvedOn")}>
              <Input f={f} name="approvedOn" type="date" />
            </Field>
          </div>
        </fieldset>
        <Field f={f} name="note" label={ctx.t("batch.note")}>
          <TextArea f={f} name="note" maxlength={500} />
        </Field>
        <datalist id="batch-authorities">
          <option value="省政府" />
          <option value="国务院" />
        </datalist>
        <button type="submit">{ctx.t("batch.submit")}</button>
      </form>
    </Layout>
  );
}
