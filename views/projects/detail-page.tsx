import type { Detail } from "../../src/projects/load";
import { FieldList } from "../components/field-list";
import { emptyForm, Field, FormErrors, Input, TextArea, type FormScope } from "../components/field";
import { Layout } from "../layout";
import { can } from "../parcels/can";
import type { PageCtx } from "../page-context";
import { hxPost, PROJECT_DETAIL_ID } from "./hx";
import { ProjectParcels } from "./parcels";
import { Problems } from "./problems";
import { ScheduleTable } from "./schedule-table";
import { ProvisionalNotice, StatusBadge } from "./status";
import { Timeline } from "./timeline";

export type DetailForms = { replan?: FormScope; problem?: FormScope; join?: FormScope; conflict?: string };

function Replan(props: { ctx: PageCtx; d: Detail; f: FormScope }) {
  const { ctx, d, f } = props;
  return (
    <section aria-labelledby="replan-h">
      <h2 id="replan-h">{ctx.t("replan.title")}</h2>
      <form {...hxPost(`/projects/${d.project.id}/replan`)} novalidate>
        <FormErrors ctx={ctx} f={f} />
        <input type="hidden" name="version" value={String(d.project.version)} />
        <div class="form-grid">
          <Field f={f} name="targetStartOn" label={ctx.t("project.targetStartOn")}>
            <Input f={f} name="targetStartOn" type="date" required />
          </Field>
          <Field f={f} name="targetCompletionOn" label={ctx.t("project.targetCompletionOn")}>
            <Input f={f} name="targetCompletionOn" type="date" required />
          </Field>
          <Field f={f} name="reason" label={ctx.t("replan.reason")}>
            <TextArea f={f} name="reason" required maxlength={500} />
          </Field>
        </div>
        <button type="submit">{ctx.t("replan.submit")}</button>
      </form>
    </section>
  );
}

/** `/projects/:id`: facts, timeline and schedule, parcels, problems, re-plan and the plan history. */
export function ProjectDetailPage(props: { ctx: PageCtx; d: Detail; forms: DetailForms }) {
  return (
    <Layout ctx={props.ctx} title={props.d.project.name}>
      <p>
        <a href="/projects">{props.ctx.t("project.back")}</a>
      </p>
      <ProjectDetailSection {...props} />
    </Layout>
  );
}

/** The page's content: what htmx swaps after a form is sent (refused, or accepted and read again). */
export function ProjectDetailSection(props: { ctx: PageCtx; d: Detail; forms: DetailForms }) {
  const { ctx, d, forms } = props;
  const p = d.project;
  const mayEdit = can(ctx, "POST /projects/:id/replan");
  const targets = { targetStartOn: p.targetStartOn, targetCompletionOn: p.targetCompletionOn };
  return (
    <section id={PROJECT_DETAIL_ID} aria-labelledby="project-h">
      <h1 id="project-h">
        {p.name} <StatusBadge ctx={ctx} status={d.schedule.status} />
      </h1>
      {forms.conflict && (
        <p class="notice error" role="alert">
          {ctx.t(forms.conflict)}
        </p>
      )}
      <ProvisionalNotice ctx={ctx} years={d.schedule.provisionalYears} />
      <FieldList
        ctx={ctx}
        rows={[
          ["project.owner", p.owner],
          ["project.category", ctx.t(`project.category.${p.category}`)],
          ["project.leader", p.leader],
          ["project.department", p.department],
          ["project.town", p.town ?? "—"],
          ["project.sitingDocNo", p.sitingDocNo ?? "—"],
          ["project.sitingOn", p.sitingOn ?? "—"],
          ["project.targetStartOn", p.targetStartOn],
          ["project.targetCompletionOn", p.targetCompletionOn],
          ["project.critical", d.schedule.critical ? ctx.t(`milestone.${d.schedule.critical}`) : "—"],
        ]}
      />
      <h2>{ctx.t("schedule.title")}</h2>
      <Timeline ctx={ctx} schedule={d.schedule} today={d.asOf} cal={d.rules.cal} />
      <ScheduleTable ctx={ctx} schedule={d.schedule} />
      <ProjectParcels
        ctx={ctx}
        projectId={p.id}
        parcels={d.parcels}
        mayEdit={mayEdit}
        f={forms.join ?? emptyForm("join")}
      />
      <Problems
        ctx={ctx}
        projectId={p.id}
        problems={d.problems}
        events={d.problemEvents}
        asOf={d.asOf}
        mayEdit={mayEdit}
        f={forms.problem ?? emptyForm("prob")}
      />
      {mayEdit && <Replan ctx={ctx} d={d} f={forms.replan ?? emptyForm("replan", targets)} />}
      <h2>{ctx.t("replan.history")}</h2>
      <ul class="history" id="plan-history">
        {d.events.map((e) => (
          <li>
            <time datetime={e.recordedAt}>{e.recordedAt.slice(0, 16).replace("T", " ")}</time>{" "}
            {ctx.t(`replan.${e.kind}`)}
            {e.reason && `：${e.reason}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
