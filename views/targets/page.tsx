import { muText } from "../components/figures";
import type { AnnualTarget } from "../../src/db/schema";
import { Field, FormErrors, Input, type FormScope } from "../components/field";
import { Instant } from "../components/instant";
import { Layout } from "../layout";
import { AdminTabs } from "../admin/admin-tabs";
import type { PageCtx } from "../page-context";

export type HistoryRow = {
  id: number;
  year: number;
  digestionM2: number;
  startRatePct: number;
  completionRatePct: number;
  at: string;
  actor: string;
};

/** `/admin/targets`: each year's targets, the form to set one, and who changed what when. */
export function TargetsPage(props: { ctx: PageCtx; targets: AnnualTarget[]; history: HistoryRow[]; f: FormScope }) {
  const { ctx, f } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t("tg.title")}>
      <h1>{t("tg.title")}</h1>
      <AdminTabs ctx={ctx} />
      <form method="post" action="/admin/targets" novalidate>
        <h2>{t("tg.set")}</h2>
        <FormErrors ctx={ctx} f={f} />
        <div class="form-grid">
          <Field f={f} name="year" label={t("tg.year")}>
            <Input f={f} name="year" type="number" required />
          </Field>
          <Field f={f} name="digestionAreaMu" label={t("tg.areaMu")}>
            <Input f={f} name="digestionAreaMu" inputmode="decimal" required />
          </Field>
          <Field f={f} name="startRatePct" label={t("tg.startRate")}>
            <Input f={f} name="startRatePct" type="number" />
          </Field>
          <Field f={f} name="completionRatePct" label={t("tg.completionRate")}>
            <Input f={f} name="completionRatePct" type="number" />
          </Field>
        </div>
        <input type="hidden" name="version" value={f.values.version ?? ""} />
        <button type="submit">{t("tg.save")}</button>
      </form>
      <h2>{t("tg.list")}</h2>
      {props.targets.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("tg.year")}</th>
                <th scope="col" class="num">
                  {t("tg.areaMu")}
                </th>
                <th scope="col" class="num">
                  {t("tg.startRate")}
                </th>
                <th scope="col" class="num">
                  {t("tg.completionRate")}
                </th>
                <th scope="col">{t("tg.edit")}</th>
              </tr>
            </thead>
            <tbody>
              {props.targets.map((x) => (
                <tr>
                  <td>{x.year}</td>
                  <td class="num">{muText(x.digestionM2)}</td>
                  <td class="num">{x.startRatePct}%</td>
                  <td class="num">{x.completionRatePct}%</td>
                  <td>
                    <a href={`/admin/targets?year=${x.year}`}>{t("tg.edit")}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty">{t("tg.none")}</p>
      )}
      <h2>{t("tg.history")}</h2>
      {props.history.length ? (
        <div class="table-wrap">
          <table>
            <tbody>
              {props.history.map((h) => (
                <tr>
                  <td>
                    <Instant iso={h.at} />
                  </td>
                  <td>{h.actor}</td>
                  <td>{h.year}</td>
                  <td class="num">{muText(h.digestionM2)}</td>
                  <td class="num">{h.startRatePct}%</td>
                  <td class="num">{h.completionRatePct}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty">{t("tg.noHistory")}</p>
      )}
    </Layout>
  );
}
