import { Layout } from "../layout";
import type { PageCtx } from "../page-context";

/** The login form; `failed` shows the generic refusal, `lockedMinutes` the lock-out, `username` keeps what was typed. */
export function LoginPage(props: {
  ctx: PageCtx;
  next: string;
  username?: string;
  failed?: boolean;
  lockedMinutes?: number;
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("login.title")}>
      <h1>{ctx.t("login.title")}</h1>
      {props.failed && (
        <p class="notice error" role="alert">
          {ctx.t("login.failed")}
        </p>
      )}
      {props.lockedMinutes !== undefined && (
        <p class="notice error" role="alert">
          {ctx.t("error.too_many_attempts", { minutes: props.lockedMinutes })}
        </p>
      )}
      <form method="post" action={`/login?next=${encodeURIComponent(props.next)}`} class="login">
        <div class="form-grid">
          <div>
            <label for="username">{ctx.t("login.username")}</label>
            <input id="username" name="username" autocomplete="username" required value={props.username ?? ""} />
          </div>
          <div>
            <label for="password">{ctx.t("login.password")}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
        </div>
        <button type="submit">{ctx.t("login.submit")}</button>
      </form>
    </Layout>
  );
}
