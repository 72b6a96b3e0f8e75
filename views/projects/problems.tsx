import type { ProblemEvent, ProblemRow } from "../../src/db/schema";
import { MILESTONES } from "../../src/domain/schedule";
import { Field, FormErrors, Input, Select, TextArea, type FormScope } from "../components/field";
import type { PageCtx } from "../page-context";
import { hxPost } from "./hx";

/** 问题清单: each problem with its status (past due flagged), a resolve form for open ones, and the history. */
export function Problems(props: {
  ctx: PageCtx;
  projectId: number;
  problems: ProblemRow[];
  events: ProblemEvent[];
  asOf: string;
  mayEdit: boolean;
  f: FormScope;
}) {
  const { ctx, f } = props;
  return (
    <section aria-labelledby="problems-h">
      <h2 id="problems-h">{ctx.t("problem.title")}</h2>
      {props.problems.length === 0 ? (
        <p class="empty">{ctx.t("problem.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table id="problems">
            <thead>
              <tr>
                {["text", "milestone", "unit", "owner", "dueOn", "status", "resolution"].map((k) => (
                  <th scope="col">{ctx.t(`problem.${k}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.problems.map((p) => {
                const pastDue = p.status === "open" && p.dueOn !== null && props.asOf > p.dueOn;
                return (
                  <tr data-problem={p.id}>
                    <td>{p.text}</td>
                    <td>{ctx.t(`milestone.${p.milestone}`)}</td>
                    <td>{p.unit}</td>
                    <td>{p.owner}</td>
                    <td>{p.dueOn ?? "—"}</td>
                    <td>
                      <span class={`badge ${p.status === "open" ? "m-at_risk" : "m-done"}`}>
                        {ctx.t(`problem.status.${p.status}`)}
                      </span>{" "}
                      {pastDue && <span class="badge m-overdue">{ctx.t("problem.overdue")}</span>}
                    </td>
                    <td>
                      {p.resolution ?? ""}
                      {props.mayEdit && p.status === "open" && (
                        <form {...hxPost(`/projects/${props.projectId}/problems/${p.id}`)} class="inline-form">
                          <input type="hidden" name="version" value={String(p.version)} />
                          <label for={`res-${p.id}`}>{ctx.t("problem.resolution")}</label>
                          <input id={`res-${p.id}`} name="resolution" maxlength={500} required />
                          <button type="submit">{ctx.t("problem.resolve")}</button>
                        </form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {props.mayEdit && (
        <form {...hxPost(`/projects/${props.projectId}/problems`)} novalidate>
          <FormErrors ctx={ctx} f={f} />
          <div class="form-grid">
            <Field f={f} name="text" label={ctx.t("problem.text")}>
              <TextArea f={f} name="text" required maxlength={500} />
            </Field>
            <Field f={f} name="milestone" label={ctx.t("problem.milestone")}>
              <Select
                f={f}
                name="milestone"
                required
                placeholder={ctx.t("project.choose")}
                options={MILESTONES.map((m) => [m, ctx.t(`milestone.${m}`)])}
              />
            </Field>
            <Field f={f} name="unit" label={ctx.t("problem.unit")}>
              <Input f={f} name="unit" required maxlength={100} />
            </Field>
            <Field f={f} name="owner" label={ctx.t("problem.owner")}>
              <Input f={f} name="owner" required maxlength={50} />
            </Field>
            <Field f={f} name="dueOn" label={ctx.t("problem.dueOn")}>
              <Input f={f} name="dueOn" type="date" />
            </Field>
          </div>
          <button type="submit">{ctx.t("problem.add")}</button>
        </form>
      )}
      {props.events.length > 0 && (
        <details>
          <summary>{ctx.t("problem.history")}</summary>
          <ul class="history">
            {props.events.map((e) => (
              <li>
                <time datetime={e.recordedAt}>{e.recordedAt.slice(0, 16).replace("T", " ")}</time> #{e.problemId}{" "}
                {e.kind === "created" ? ctx.t("problem.add") : ""} <code>{e.data}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
