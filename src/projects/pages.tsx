import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { fieldErrors, readForm, type FormValues } from "../http/form";
import { varyOnHtmx, wantsFragment } from "../http/fragment";
import { pathId } from "../http/path";
import { notFound } from "../http/respond";
import { asOfParam } from "./api";
import {
  PROBLEM_FIELDS,
  PROJECT_FORM_FIELDS,
  problemBody,
  projectBody,
  REPLAN_FIELDS,
  replanBody,
  resolveBody,
} from "./form";
import { detailOf, detailReads, rulesOf, rulesReads, type Detail } from "./load";
import { joinParcel, leaveParcel } from "./parcel-link";
import { projectChoicePages } from "./choices";
import { editProblem, addProblem } from "./problem-writes";
import { readProjectList } from "./list-read";
import { parcelByCodeQuery, problemQuery } from "./queries";
import type { Failure } from "./writes";
import { createProject, replanProject } from "./writes";
import { emptyForm } from "../../views/components/field";
import { pageCtx } from "../../views/page-context";
import { ProjectDetailPage, ProjectDetailSection, type DetailForms } from "../../views/projects/detail-page";
import { ProjectsPage } from "../../views/projects/list-page";
import { NewProjectForm, NewProjectPage } from "../../views/projects/new-page";

/** The project page, or for htmx its detail section alone (what the page's forms swap in place). */
function renderDetail(
  c: Context<AppEnv>,
  d: Detail | null,
  forms: DetailForms = {},
  status: ContentfulStatusCode = 200,
) {
  if (!d) return notFound(c);
  const props = { ctx: pageCtx(c), d, forms };
  return wantsFragment(c)
    ? c.html(<ProjectDetailSection {...props} />, status)
    : c.html(<ProjectDetailPage {...props} />, status);
}

const FORM_IDS = { replan: "replan", problem: "prob", join: "join", conflict: "conflict" } as const;

/** A refused detail-page form: 404 page, the conflict notice (409) or the form with its messages (422). */
function refused(
  c: Context<AppEnv>,
  d: Detail | null,
  r: Failure,
  form: keyof DetailForms,
  values: FormValues,
  fields: readonly string[],
) {
  if (r.status === 404 || !d) return notFound(c);
  if (r.status === 409)
    return renderDetail(c, d, { conflict: form === "problem" ? "problem.conflict" : "replan.conflict" }, 409);
  const errors = fieldErrors(c.get("lang"), r.issues ?? [], fields);
  // The same element ids as the form drawn empty (views/projects/detail-page.tsx), so a swap keeps them.
  return renderDetail(c, d, { [form]: { id: FORM_IDS[form], values, errors } }, 422);
}

// HTML pages for /projects (docs/PRODUCT.md §7).
export const projectPages = new Hono<AppEnv>()
  .get("/", async (c) => {
    const l = await readProjectList(c);
    return c.html(
      <ProjectsPage
        ctx={pageCtx(c)}
        items={l.items}
        values={l.values}
        choices={l.choices}
        badQuery={!l.ok}
        provisionalYears={l.provisionalYears}
        counts={l.counts}
        page={l.page}
        pages={l.pages}
        total={l.total}
      />,
      l.ok ? 200 : 400,
    );
  })
  .get("/new", async (c) => {
    await authorize(c);
    return c.html(<NewProjectPage ctx={pageCtx(c)} f={emptyForm("project", { category: "district" })} />);
  })
  .post("/", async (c) => {
    const {
      user,
      db,
      results: [cal, dur],
    } = await authorize(c, rulesReads);
    const values = await readForm(c);
    const r = await createProject(db, projectBody(values), rulesOf(cal, dur), actorOf(c, user));
    if (r.ok && wantsFragment(c)) {
      // htmx: the browser goes to the new project's page (a fragment swapped here would leave the URL at /new).
      c.header("HX-Redirect", `/projects/${r.value.id}`);
      return c.body(null, 204);
    }
    if (r.ok) return c.redirect(`/projects/${r.value.id}`, 303);
    const errors = fieldErrors(c.get("lang"), r.issues ?? [], PROJECT_FORM_FIELDS);
    const f = { id: "project", values, errors };
    return wantsFragment(c)
      ? c.html(<NewProjectForm ctx={pageCtx(c)} f={f} />, r.status)
      : c.html(<NewProjectPage ctx={pageCtx(c)} f={f} />, r.status);
  })
  // Before /:id, which would otherwise answer /projects/choices (and the route table judge it so).
  .route("/", projectChoicePages)
  .get("/:id", async (c) => {
    varyOnHtmx(c);
    const id = pathId(c) ?? 0;
    const { results } = await authorize(c, (db) => detailReads(db, id));
    return renderDetail(c, detailOf(results, asOfParam(c) ?? c.get("today")));
  })
  .post("/:id/replan", async (c) => {
    const id = pathId(c) ?? 0;
    const { user, db, results } = await authorize(c, (db) => detailReads(db, id));
    const d = detailOf(results, c.get("today"));
    const values = await readForm(c);
    const r = await replanProject(db, d?.project, replanBody(values), d?.rules ?? rulesOf([], []), actorOf(c, user));
    if (r.ok) return c.redirect(`/projects/${id}`, 303);
    return refused(c, d, r, "replan", values, REPLAN_FIELDS);
  })
  .post("/:id/problems", async (c) => {
    const id = pathId(c) ?? 0;
    const { user, db, results } = await authorize(c, (db) => detailReads(db, id));
    const d = detailOf(results, c.get("today"));
    const values = await readForm(c);
    const r = await addProblem(db, d?.project, problemBody(values), actorOf(c, user));
    if (r.ok) return c.redirect(`/projects/${id}#problems-h`, 303);
    return refused(c, d, r, "problem", values, PROBLEM_FIELDS);
  })
  .post("/:id/problems/:problemId", async (c) => {
    const id = pathId(c) ?? 0;
    const pid = pathId(c, "problemId") ?? 0;
    const {
      user,
      db,
      results: [pr, ...rest],
    } = await authorize(c, (db) => [problemQuery(db, pid), ...detailReads(db, id)]);
    const d = detailOf(rest, c.get("today"));
    const found = pr[0]?.projectId === id ? pr[0] : undefined;
    const values = await readForm(c);
    const r = await editProblem(db, found, resolveBody(values), actorOf(c, user));
    if (r.ok) return c.redirect(`/projects/${id}#problems-h`, 303);
    return refused(c, d, r, "problem", values, []);
  })
  .post("/:id/parcels", async (c) => {
    const id = pathId(c) ?? 0;
    const { user, db, results } = await authorize(c, (db) => detailReads(db, id));
    const d = detailOf(results, c.get("today"));
    const values = await readForm(c);
    const code = (values.code ?? "").trim().slice(0, 50);
    const [parcel] = d && code ? await parcelByCodeQuery(db, code) : [];
    const r = await joinParcel(db, d?.project, parcel, { code: values.code }, actorOf(c, user));
    if (r.ok) return c.redirect(`/projects/${id}#parcels-h`, 303);
    return refused(c, d, r, "join", values, ["code"]);
  })
  .post("/:id/parcels/leave", async (c) => {
    const id = pathId(c) ?? 0;
    const { user, db, results } = await authorize(c, (db) => detailReads(db, id));
    const d = detailOf(results, c.get("today"));
    const values = await readForm(c);
    const parcelId = Number(values.parcelId);
    const parcel = d?.parcels.find((p) => p.id === parcelId);
    const body = { parcelId: Number.isSafeInteger(parcelId) && parcelId > 0 ? parcelId : values.parcelId };
    const r = await leaveParcel(db, d?.project, parcel, body, actorOf(c, user));
    if (r.ok) return c.redirect(`/projects/${id}#parcels-h`, 303);
    return refused(c, d, r, "join", values, []);
  });
