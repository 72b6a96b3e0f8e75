import { PROJECT_CATEGORIES } from "../../src/domain/projects";
import { Field, FormErrors, Input, Select, type FormScope } from "../components/field";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";

const TEXT: [string, number][] = [
  ["name", 200],
  ["owner", 100],
  ["leader", 50],
  ["department", 100],
  ["town", 50],
  ["sitingDocNo", 100],
];

/** The new-project form (docs/PRODUCT.md §7): a plain POST; a refused form comes back as typed with its messages. */
export function NewProjectPage(props: { ctx: PageCtx; f: FormScope }) {
  const { ctx, f } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("project.new.title")}>
      <p>
        <a href="/projects">{ctx.t("project.back")}</a>
      </p>
      <h1>{ctx.t("project.new.title")}</h1>
      <FormErrors ctx={ctx} f={f} />
      <form method="post" action="/projects" novalidate>
        <div class="form-grid">
          {TEXT.map(([name, max]) => (
            <Field f={f} name={name} label={ctx.t(`project.${name}`)}>
              <Input f={f} name={name} maxlength={max} required={name !== "town" && name !== "sitingDocNo"} />
            </Field>
          ))}
          <Field f={f} name="category" label={ctx.t("project.category")}>
            <Select
              f={f}
              name="category"
              required
              placeholder={ctx.t("project.choose")}
              options={PROJECT_CATEGORIES.map((k) => [k, ctx.t(`project.category.${k}`)])}
            />
          </Field>
          {["sitingOn", "targetStartOn", "targetCompletionOn"].map((name) => (
            <Field f={f} name={name} label={ctx.t(`project.${name}`)}>
              <Input f={f} name={name} type="date" required={name !== "sitingOn"} />
            </Field>
          ))}
        </div>
        <button type="submit">{ctx.t("project.submit")}</button>
      </form>
    </Layout>
  );
}
