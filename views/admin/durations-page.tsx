import type { durationChanges, milestoneDurations } from "../../src/db/schema";
import { SEGMENT_MILESTONES, type Durations } from "../../src/domain/schedule";
import { emptyForm, Field, FormErrors, Input, Select, type FormScope } from "../components/field";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { AdminTabs } from "./admin-tabs";

type Row = typeof milestoneDurations.$inferSelect;
type ChangeRow = typeof durationChanges.$inferSelect;
type Failed = { milestone: string; f: FormScope; conflict: boolean };

/** `/admin/durations`: one form per scheduled segment (days, unit, source note), and the change log. */
export function DurationsPage(props: {
  ctx: PageCtx;
  rows: Row[];
  durations: Durations;
  changes: ChangeRow[];
  failed?: Failed;
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("dur.title")}>
      <AdminTabs ctx={ctx} />
      <h1>{ctx.t("dur.title")}</h1>
      <p class="muted hint">{ctx.t("dur.hint")}</p>
      {props.failed?.conflict && (
        <p class="notice error" role="alert">
          {ctx.t("error.version_conflict")}
        </p>
      )}
      {SEGMENT_MILESTONES.map((m) => {
        const d = props.durations[m];
        const version = props.rows.find((r) => r.milestone === m)?.version ?? 1;
        const f =
          props.failed?.milestone === m && !props.failed.conflict
            ? props.failed.f
            : emptyForm(`dur-${m}`, { days: String(d.days), unit: d.unit, note: d.note });
        return (
          <form method="post" action="/admin/durations" class="duration" data-milestone={m} novalidate>
            <h2>{ctx.t(`dur.segment.${m}`)}</h2>
            <FormErrors ctx={ctx} f={f} />
            <input type="hidden" name="milestone" value={m} />
            <input type="hidden" name="version" value={String(version)} />
            <div class="form-grid">
              <Field f={{ ...f, id: `dur-${m}` }} name="days" label={ctx.t("dur.days")}>
                <Input f={{ ...f, id: `dur-${m}` }} name="days" inputmode="numeric" required />
              </Field>
              <Field f={{ ...f, id: `dur-${m}` }} name="unit" label={ctx.t("dur.unit")}>
                <Select
                  f={{ ...f, id: `dur-${m}` }}
                  name="unit"
                  options={[
                    ["working", ctx.t("dur.unit.working")],
                    ["calendar", ctx.t("dur.unit.calendar")],
                  ]}
                />
              </Field>
              <Field f={{ ...f, id: `dur-${m}` }} name="note" label={ctx.t("dur.note")}>
                <Input f={{ ...f, id: `dur-${m}` }} name="note" required maxlength={300} />
              </Field>
            </div>
            <button type="submit">{ctx.t("common.save")}</button>
          </form>
        );
      })}
      <h2>{ctx.t("dur.log")}</h2>
      <ul class="history" id="duration-log">
        {props.changes.map((ch) => (
          <li>
            {ch.recordedAt.slice(0, 16).replace("T", " ")} · {ctx.t(`dur.segment.${ch.milestone}`)} · {ch.days}{" "}
            {ctx.t(`dur.unit.${ch.unit}`)} · #{ch.actorId}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
