import type { UserListItem } from "../../src/admin/queries";
import { emptyForm, type FormScope } from "../components/field";
import type { PageCtx } from "../page-context";
import { ADMIN_USERS_ID } from "./ids";
import { CREATE_FORM, UserCreateForm } from "./user-create-form";
import { UserRow } from "./user-row";

export type UsersPanelProps = { ctx: PageCtx; users: UserListItem[]; refused?: FormScope; done?: string };

/** The user list with its forms: the page embeds it, htmx swaps it whole after any action. */
export function UsersPanel(props: UsersPanelProps) {
  const { ctx, refused } = props;
  const create = refused?.id === CREATE_FORM ? refused : emptyForm(CREATE_FORM);
  return (
    <section id={ADMIN_USERS_ID}>
      {props.done && (
        <p class="notice" role="status">
          {props.done}
        </p>
      )}
      {refused && refused.id !== CREATE_FORM && (
        <div class="notice error" role="alert">
          {ctx.t("error.validation")}
          {refused.errors._ && <div>{refused.errors._}</div>}
        </div>
      )}
      <UserCreateForm ctx={ctx} f={create} />
      <h2>{ctx.t("admin.users.title")}</h2>
      <p class="muted hint">{ctx.t("admin.users.hint")}</p>
      <div class="table-wrap">
        <table class="users">
          <thead>
            <tr>
              <th>{ctx.t("admin.field.username")}</th>
              <th>{ctx.t("admin.field.displayName")}</th>
              <th>{ctx.t("admin.field.role")}</th>
              <th>{ctx.t("admin.field.status")}</th>
              <th>{ctx.t("admin.field.createdAt")}</th>
              <th>{ctx.t("admin.field.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((u) => (
              <UserRow ctx={ctx} user={u} refused={refused} isSelf={u.id === ctx.user?.id} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
