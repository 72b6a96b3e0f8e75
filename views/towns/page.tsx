import type { Town } from "../../src/db/schema";
import type { TownHistoryRow } from "../../src/towns/queries";
import { AdminTabs } from "../admin/admin-tabs";
import { emptyForm, Field, FormErrors, Input, type FormScope } from "../components/field";
import { Instant } from "../components/instant";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";

const DONE = ["add", "rename", "retire", "restore"];

/** One town's row: its name (editable), state, and rename / retire / restore buttons, guarded by its version. */
function TownRow(props: { ctx: PageCtx; town: Town; f: FormScope }) {
  const { ctx, town, f } = props;
  const t = ctx.t;
  const formId = `town-form-${town.id}`;
  return (
    <tr>
      <td>
        <form id={formId} method="post" action={`/admin/towns/${town.id}`} novalidate>
          <input type="hidden" name="version" value={String(town.version)} />
        </form>
        <FormErrors ctx={ctx} f={f} />
        <Field f={f} name="name" label={t("town.nameOf", { name: town.name })}>
          <input
            {...{ form: formId }}
            id={`${f.id}-name`}
            name="name"
            maxlength={50}
            value={f.values.name ?? town.name}
            aria-invalid={f.errors.name ? "true" : undefined}
            aria-describedby={f.errors.name ? `${f.id}-name-error` : undefined}
          />
        </Field>
      </td>
      <td>{town.retired ? t("town.retired") : t("town.active")}</td>
      <td>
        <button {...{ form: formId }} type="submit" name="action" value="rename">
          {t("town.rename")}
        </button>{" "}
        {town.retired ? (
          <button {...{ form: formId }} type="submit" name="action" value="restore" class="secondary">
            {t("town.restore")}
          </button>
        ) : (
          <button {...{ form: formId }} type="submit" name="action" value="retire" class="secondary">
            {t("town.retire")}
          </button>
        )}
      </td>
    </tr>
  );
}

/** `/admin/towns`: the district's towns and streets, a form to add one, each one's rename / retire, the history. */
export function TownsPage(props: {
  ctx: PageCtx;
  towns: Town[];
  history: TownHistoryRow[];
  add: FormScope;
  row?: { id: number; f: FormScope };
  /** What the last change was, for the notice after the redirect (?done=). */
  done?: string;
}) {
  const { ctx, add, done } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t("town.title")}>
      <h1>{t("town.title")}</h1>
      <AdminTabs ctx={ctx} />
      {done && DONE.includes(done) && (
        <p class="notice" role="status">
          {t(`town.done.${done}`)}
        </p>
      )}
      <p class="muted">{t("town.intro")}</p>
      <form method="post" action="/admin/towns" novalidate>
        <h2>{t("town.add")}</h2>
        <FormErrors ctx={ctx} f={add} />
        <Field f={add} name="name" label={t("town.name")}>
          <Input f={add} name="name" required maxlength={50} />
        </Field>
        <button type="submit">{t("town.addSubmit")}</button>
      </form>
      <h2>{t("town.list", { count: props.towns.length })}</h2>
      {props.towns.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("town.name")}</th>
                <th scope="col">{t("town.status")}</th>
                <th scope="col">{t("town.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {props.towns.map((town) => (
                <TownRow
                  ctx={ctx}
                  town={town}
                  f={props.row?.id === town.id ? props.row.f : emptyForm(`town-${town.id}`)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty">{t("town.none")}</p>
      )}
      <h2>{t("town.history")}</h2>
      {props.history.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("town.at")}</th>
                <th scope="col">{t("town.by")}</th>
                <th scope="col">{t("town.change")}</th>
              </tr>
            </thead>
            <tbody>
              {props.history.map((h) => (
                <tr>
                  <td>
                    <Instant iso={h.at} />
                  </td>
                  <td>{h.actor ?? t("town.bySystem")}</td>
                  <td>{t(`town.action.${h.action}`, { name: h.name, previous: h.previousName ?? "" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty">{t("town.noHistory")}</p>
      )}
    </Layout>
  );
}
