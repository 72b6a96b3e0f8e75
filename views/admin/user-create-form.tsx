import { MIN_PASSWORD_LENGTH, ROLES_BY_PRIVILEGE } from "../../src/admin/writes";
import { Field, FormErrors, Input, Select, fieldAttrs, type FormScope } from "../components/field";
import type { PageCtx } from "../page-context";
import { ADMIN_USERS_ID } from "./ids";

export const CREATE_FORM = "new-user";

/** New account: username, name, role and a first password (typed values come back on error, the password never does). */
export function UserCreateForm(props: { ctx: PageCtx; f: FormScope }) {
  const { ctx, f } = props;
  return (
    <form
      method="post"
      action="/admin/users"
      hx-post="/admin/users"
      hx-target={`#${ADMIN_USERS_ID}`}
      hx-swap="outerHTML"
      novalidate
    >
      <h2>{ctx.t("admin.users.create")}</h2>
      <FormErrors ctx={ctx} f={f} />
      <div class="form-grid">
        <Field f={f} name="username" label={ctx.t("admin.field.username")}>
          <Input f={f} name="username" required maxlength={50} />
        </Field>
        <Field f={f} name="displayName" label={ctx.t("admin.field.displayName")}>
          <Input f={f} name="displayName" required maxlength={50} />
        </Field>
        <Field f={f} name="role" label={ctx.t("admin.field.role")}>
          {/* No blank choice: the first (least privileged) role is chosen unless another is picked. */}
          <Select f={f} name="role" required options={ROLES_BY_PRIVILEGE.map((r) => [r, ctx.t(`role.${r}`)])} />
        </Field>
        <Field f={f} name="password" label={ctx.t("admin.field.password")}>
          <input
            type="password"
            autocomplete="new-password"
            required
            minlength={MIN_PASSWORD_LENGTH}
            {...fieldAttrs(f, "password")}
          />
        </Field>
      </div>
      <button type="submit">{ctx.t("admin.action.create")}</button>
    </form>
  );
}
