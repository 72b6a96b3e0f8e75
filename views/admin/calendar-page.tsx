import type { calendarChanges, calendarYears } from "../../src/db/schema";
import { CHINESE_DAYS_YEARS } from "../../src/domain/calendar-default";
import { Field, FormErrors, Input, TextArea, type FormScope } from "../components/field";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { AdminTabs } from "./admin-tabs";

type YearRow = typeof calendarYears.$inferSelect;
type ChangeRow = typeof calendarChanges.$inferSelect;
const list = (json: string) => (JSON.parse(json) as string[]).join("、");

/** `/admin/calendar`: the years an admin entered (they replace the package's), the form, the change log. */
export function CalendarPage(props: { ctx: PageCtx; years: YearRow[]; changes: ChangeRow[]; f: FormScope }) {
  const { ctx, f } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("cal.title")}>
      <AdminTabs ctx={ctx} />
      <h1>{ctx.t("cal.title")}</h1>
      <p class="notice">{ctx.t("cal.coverage", CHINESE_DAYS_YEARS)}</p>
      {props.years.length === 0 ? (
        <p class="empty">{ctx.t("cal.empty")}</p>
      ) : (
        <table id="calendar-years">
          <thead>
            <tr>
              <th scope="col">{ctx.t("cal.year")}</th>
              <th scope="col">{ctx.t("cal.holidays")}</th>
              <th scope="col">{ctx.t("cal.workdays")}</th>
              <th scope="col">{ctx.t("history.when")}</th>
            </tr>
          </thead>
          <tbody>
            {props.years.map((y) => (
              <tr data-year={y.year}>
                <td class="num">{y.year}</td>
                <td class="wrap">{list(y.holidays)}</td>
                <td class="wrap">{list(y.workdays)}</td>
                <td>{y.updatedAt.slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{ctx.t("cal.form")}</h2>
      <form method="post" action="/admin/calendar" novalidate>
        <FormErrors ctx={ctx} f={f} />
        <p class="muted hint">{ctx.t("cal.hint")}</p>
        <div class="form-grid">
          <Field f={f} name="year" label={ctx.t("cal.year")}>
            <Input f={f} name="year" inputmode="numeric" required />
          </Field>
          <Field f={f} name="holidays" label={ctx.t("cal.holidays")}>
            <TextArea f={f} name="holidays" required />
          </Field>
          <Field f={f} name="workdays" label={ctx.t("cal.workdays")}>
            <TextArea f={f} name="workdays" />
          </Field>
          <Field f={f} name="note" label={ctx.t("cal.note")}>
            <Input f={f} name="note" required maxlength={200} />
          </Field>
        </div>
        <button type="submit">{ctx.t("common.save")}</button>
      </form>
      <h2>{ctx.t("cal.log")}</h2>
      <ul class="history" id="calendar-log">
        {props.changes.map((ch) => (
          <li>
            {ch.recordedAt.slice(0, 16).replace("T", " ")} · {ch.year} · {ch.note} · #{ch.actorId}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
