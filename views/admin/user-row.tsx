import type { UserListItem } from "../../src/admin/queries";
import { MIN_PASSWORD_LENGTH, ROLES_BY_PRIVILEGE } from "../../src/admin/writes";
import { Instant } from "../components/instant";
import { Field, Select, fieldAttrs, emptyForm, type FormScope } from "../components/field";
import type { PageCtx } from "../page-context";
import { ADMIN_USERS_ID } from "./ids";

/** The form scope of a user's row: its two forms have distinct fields, so one id serves both. */
export const rowForm = (id: number) => `u${id}`;

const hx = (action: string, confirm?: string) => ({
  ...(confirm ? { "hx-confirm": confirm } : {}),
  method: "post" as const,
  action,
  "hx-post": action,
  "hx-target": `#${ADMIN_USERS_ID}`,
  "hx-swap": "outerHTML",
  class: "row-form",
});

/** One account with its three actions: set role, reset password, deactivate or reactivate. */
export function UserRow(props: { ctx: PageCtx; user: UserListItem; refused?: FormScope; isSelf: boolean }) {
  const { ctx, user: u } = props;
  const id = rowForm(u.id);
  const refused = props.refused?.id === id ? props.refused : undefined;
  const role = refused ? { ...refused, values: { role: u.role, ...refused.values } } : emptyForm(id, { role: u.role });
  const password = refused ?? emptyForm(id);
  const base = `/admin/users/${u.id}`;
  return (
    <tr class={u.active ? undefined : "inactive"}>
      <td>{u.username}</td>
      <td>{u.displayName}</td>
      <td>
        {props.isSelf ? (
          ctx.t(`role.${u.role}`)
        ) : (
          <form {...hx(`${base}/role`)} novalidate>
            <Field f={role} name="role" label={ctx.t("admin.field.role")}>
              <Select f={role} name="role" options={ROLES_BY_PRIVILEGE.map((r) => [r, ctx.t(`role.${r}`)])} />
            </Field>
            <button type="submit">{ctx.t("admin.action.setRole")}</button>
          </form>
        )}
      </td>
      <td>{ctx.t(u.active ? "admin.status.active" : "admin.status.inactive")}</td>
      <td>
        <Instant iso={u.createdAt} />
      </td>
      <td>
        <form {...hx(`${base}/password`, ctx.t("admin.confirm.resetPassword", { name: u.username }))} novalidate>
          <Field f={password} name="password" label={ctx.t("admin.field.newPassword")}>
            <input
              type="password"
              autocomplete="new-password"
              required
              minlength={MIN_PASSWORD_LENGTH}
              {...fieldAttrs(password, "password")}
            />
          </Field>
          <button type="submit">{ctx.t("admin.action.resetPassword")}</button>
        </form>
        {!props.isSelf && (
          <form
            {...hx(
              `${base}/${u.active ? "deactivate" : "reactivate"}`,
              u.active ? ctx.t("admin.confirm.deactivate", { name: u.username }) : undefined,
            )}
          >
            <button type="submit" class={u.active ? "danger" : undefined}>
              {ctx.t(u.active ? "admin.action.deactivate" : "admin.action.reactivate")}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
