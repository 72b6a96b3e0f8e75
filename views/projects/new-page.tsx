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

/** The element the new-project form answers into with htmx when refused. */
export const NEW_PROJECT_ID = "new-project";

/**
 * The new-project form (docs/PRODUCT.md §7): a plain POST without JS; with htmx a refused form comes back in
 * place as typed with its messages, an accepted one sends the browser to the project's page.
 */
export function NewProjectPage(props: { ctx: PageCtx; f: FormScope }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("project.new.title")}>
      <p>
        <a href="/projects">{ctx.t("project.back")}</a>
      </p>
      <h1>{ctx.t("project.new.title")}</h1>
      <NewProjectForm {...props} />
    </Layout>
  );
}

export function NewProjectForm(props: { ctx: PageCtx; f: FormScope }) {
  const { ctx, f } = props;
  return (
    <div id={NEW_PROJECT_ID}>
      <FormErrors ctx={ctx} f={f} />
      <form
        method="post"
        action="/projects"
        hx-post="/projects"
        hx-target={`#${NEW_PROJECT_ID}`}
        hx-swap="outerHTML"
        novalidate
      >
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
    </div>
  );
}
