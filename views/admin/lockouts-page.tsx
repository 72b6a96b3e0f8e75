import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { AdminTabs } from "./admin-tabs";

type Lock = { key: string; lockedUntil: string };

/** Beijing wall-clock time to the second. */
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");

/** "user:wang" → [kind, subject]: what is locked, for whom. */
function describe(key: string): [string, string] {
  const i = key.indexOf(":");
  return [key.slice(0, i), key.slice(i + 1)];
}

/** /admin/lockouts: the lock-outs in force, each with a button to lift it. */
export function LockoutsPage(props: { ctx: PageCtx; locks: Lock[]; done?: string }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("admin.lock.title")}>
      <h1>{ctx.t("admin.title")}</h1>
      <AdminTabs ctx={ctx} />
      <p class="muted hint">{ctx.t("admin.lock.hint")}</p>
      {props.done && (
        <p class="notice" role="status">
          {props.done}
        </p>
      )}
      {props.locks.length === 0 ? (
        <p class="empty">{ctx.t("admin.lock.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table class="lockouts">
            <thead>
              <tr>
                <th>{ctx.t("admin.lock.kind")}</th>
                <th>{ctx.t("admin.lock.subject")}</th>
                <th>{ctx.t("admin.lock.until")}</th>
                <th>{ctx.t("admin.field.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {props.locks.map((l) => {
                const [kind, subject] = describe(l.key);
                return (
                  <tr>
                    <td>
                      <span class={`status status-locked`}>{ctx.t(`admin.lock.kind.${kind}`)}</span>
                    </td>
                    <td>{subject}</td>
                    <td>
                      <time datetime={l.lockedUntil}>{beijing(l.lockedUntil)}</time>
                    </td>
                    <td>
                      <form method="post" action="/admin/lockouts/lift" hx-confirm={ctx.t("admin.lock.confirm")}>
                        <input type="hidden" name="key" value={l.key} />
                        <button type="submit">{ctx.t("admin.lock.lift")}</button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
