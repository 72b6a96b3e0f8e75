import { PROJECT_CATEGORIES } from "../../src/domain/projects";
import type { FormValues } from "../../src/http/form";
import { PROJECT_STATUSES, type ListItem, type StatusCounts } from "../../src/projects/queries";
import { townNames } from "../../src/towns/queries";
import { TownSelect } from "../towns/town-select";
import { emptyForm, Field, Input, Select } from "../components/field";
import { Layout } from "../layout";
import { can } from "../parcels/can";
import type { PageCtx } from "../page-context";
import { PageNav, StatusCountsBar } from "./page-nav";
import { ProvisionalNotice, StatusBadge } from "./status";

export type Choices = { leaders: string[]; departments: string[]; towns: string[] };
const pairs = (xs: string[]): [string, string][] => xs.map((x) => [x, x]);

/** The filters of /projects and /battle-map, all in the URL (a plain GET form). */
export function ProjectFilters(props: { ctx: PageCtx; action: string; values: FormValues; choices: Choices }) {
  const { ctx } = props;
  const f = { ...emptyForm("pf", props.values) };
  const all = ctx.t("common.all");
  return (
    <form class="filters" method="get" action={props.action}>
      <Field f={f} name="category" label={ctx.t("project.category")}>
        <Select
          f={f}
          name="category"
          placeholder={all}
          options={PROJECT_CATEGORIES.map((k) => [k, ctx.t(`project.category.${k}`)])}
        />
      </Field>
      <Field f={f} name="leader" label={ctx.t("project.leader")}>
        <Select f={f} name="leader" placeholder={all} options={pairs(props.choices.leaders)} />
      </Field>
      <Field f={f} name="department" label={ctx.t("project.department")}>
        <Select f={f} name="department" placeholder={all} options={pairs(props.choices.departments)} />
      </Field>
      <Field f={f} name="town" label={ctx.t("project.town")}>
        <TownSelect
          ctx={ctx}
          f={f}
          towns={townNames(props.choices.towns.map((name) => ({ name }))).map((name) => ({ name, retired: false }))}
          placeholder={all}
        />
      </Field>
      <Field f={f} name="status" label={ctx.t("project.status")}>
        <Select
          f={f}
          name="status"
          placeholder={all}
          options={PROJECT_STATUSES.map((s) => [s, ctx.t(`mstatus.${s}`)])}
        />
      </Field>
      <Field f={f} name="asOf" label={ctx.t("project.asOf")}>
        <Input f={f} name="asOf" type="date" />
      </Field>
      <button type="submit">{ctx.t("project.filter")}</button>
      <a href={props.action}>{ctx.t("project.clearFilters")}</a>
    </form>
  );
}

/** `/projects`: the projects with their status on the as-of date, riskiest first, 50 a page. */
export function ProjectsPage(props: {
  ctx: PageCtx;
  items: ListItem[];
  values: FormValues;
  choices: Choices;
  badQuery: boolean;
  provisionalYears: number[];
  counts: StatusCounts;
  page: number;
  pages: number;
  total: number;
}) {
  const { ctx, items } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("project.list.title")}>
      <div class="page-head">
        <h1>{ctx.t("project.list.title")}</h1>
        {can(ctx, "POST /projects") && (
          <a class="button" href="/projects/new">
            {ctx.t("project.new.link")}
          </a>
        )}
      </div>
      <ProjectFilters ctx={ctx} action="/projects" values={props.values} choices={props.choices} />
      {props.badQuery && (
        <p class="notice error" role="alert">
          {ctx.t("project.badQuery")}
        </p>
      )}
      <StatusCountsBar ctx={ctx} action="/projects" values={props.values} counts={props.counts} />
      <ProvisionalNotice ctx={ctx} years={props.provisionalYears} />
      {items.length === 0 ? (
        <p class="empty">{ctx.t("project.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table id="project-list">
            <thead>
              <tr>
                {["name", "category", "leader", "department", "town", "status", "critical", "targetStartOn"].map(
                  (k) => (
                    <th scope="col">{ctx.t(`project.${k}`)}</th>
                  ),
                )}
                <th scope="col" class="num">
                  {ctx.t("project.parcelCount")}
                </th>
                <th scope="col" class="num">
                  {ctx.t("project.openProblems")}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr>
                  <td>
                    <a href={`/projects/${i.project.id}`}>{i.project.name}</a>
                  </td>
                  <td>{ctx.t(`project.category.${i.project.category}`)}</td>
                  <td>{i.project.leader}</td>
                  <td>{i.project.department}</td>
                  <td>{i.project.town ?? "—"}</td>
                  <td>
                    <StatusBadge ctx={ctx} status={i.schedule.status} />
                  </td>
                  <td>{i.schedule.critical ? ctx.t(`milestone.${i.schedule.critical}`) : "—"}</td>
                  <td>{i.project.targetStartOn}</td>
                  <td class="num">{i.parcelCount}</td>
                  <td class="num">{i.openProblems.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageNav
        ctx={ctx}
        action="/projects"
        values={props.values}
        page={props.page}
        pages={props.pages}
        total={props.total}
      />
    </Layout>
  );
}
