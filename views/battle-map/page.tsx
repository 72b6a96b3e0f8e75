import { MILESTONES } from "../../src/domain/schedule";
import type { FormValues } from "../../src/http/form";
import type { ListItem, StatusCounts } from "../../src/projects/queries";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { ProjectFilters, type Choices } from "../projects/list-page";
import { PageNav, StatusCountsBar } from "../projects/page-nav";
import { ProvisionalNotice } from "../projects/status";

/** 作战图: projects × milestones, each cell the status in words and colour with its dates; riskiest first. */
export function BattleMapPage(props: {
  ctx: PageCtx;
  items: ListItem[];
  asOf: string;
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
  // Words the 50 × 6 cells repeat, looked up once.
  const planned = ctx.t("bm.planned");
  const actual = ctx.t("bm.actual");
  const statusWord = (s: string) => ctx.t(`mstatus.${s}`);
  const dueOn = ctx.t("problem.dueOn");
  const nav = (
    <PageNav
      ctx={ctx}
      action="/battle-map"
      values={props.values}
      page={props.page}
      pages={props.pages}
      total={props.total}
    />
  );
  return (
    <Layout ctx={ctx} title={ctx.t("bm.title")}>
      <div class="battle-map">
        <h1>
          {ctx.t("bm.title")} <span class="muted">{ctx.t("bm.asOf", { date: props.asOf })}</span>
        </h1>
        <ProjectFilters ctx={ctx} action="/battle-map" values={props.values} choices={props.choices} />
        {props.badQuery && (
          <p class="notice error" role="alert">
            {ctx.t("project.badQuery")}
          </p>
        )}
        <StatusCountsBar ctx={ctx} action="/battle-map" values={props.values} counts={props.counts} />
        <ProvisionalNotice ctx={ctx} years={props.provisionalYears} />
        {items.length === 0 ? (
          <p class="empty">{ctx.t("project.empty")}</p>
        ) : (
          <div class="table-wrap">
            <table class="bm" id="battle-map">
              <caption>{ctx.t("bm.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{ctx.t("project.name")}</th>
                  {MILESTONES.map((m) => (
                    <th scope="col">{ctx.t(`milestone.${m}`)}</th>
                  ))}
                  <th scope="col">{ctx.t("project.openProblems")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr data-project={i.project.id}>
                    <th scope="row">
                      <a href={`/projects/${i.project.id}`}>{i.project.name}</a>
                      <div class="muted">
                        {ctx.t(`project.category.${i.project.category}`)} · {i.project.leader}
                      </div>
                    </th>
                    {i.schedule.rows.map((r) => (
                      <td class={`m-${r.status}`} data-milestone={r.milestone}>
                        <span class={`badge m-${r.status}`}>{statusWord(r.status)}</span>
                        <div>
                          {planned} {r.plannedOn}
                        </div>
                        {r.actualOn && (
                          <div>
                            {actual} {r.actualOn}
                          </div>
                        )}
                      </td>
                    ))}
                    <td>
                      {i.openProblems.length === 0 ? (
                        "—"
                      ) : (
                        <ul class="history">
                          {i.openProblems.map((p) => (
                            <li>
                              {p.text}（{p.unit}
                              {p.dueOn ? `，${dueOn} ${p.dueOn}` : ""}）
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {nav}
      </div>
    </Layout>
  );
}
