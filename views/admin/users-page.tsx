import { Layout } from "../layout";
import { AdminTabs } from "./admin-tabs";
import { UsersPanel, type UsersPanelProps } from "./users-panel";

/** /admin/users: create accounts, set roles, reset passwords, deactivate (用户管理). */
export function UsersPage(props: UsersPanelProps) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("admin.users.title")}>
      <h1>{ctx.t("admin.title")}</h1>
      <AdminTabs ctx={ctx} />
      <UsersPanel {...props} />
    </Layout>
  );
}
