import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { fieldErrors, readForm } from "../http/form";
import { pathId } from "../http/path";
import { t } from "../i18n";
import { emptyForm, type FormScope } from "../../views/components/field";
import { pageCtx } from "../../views/page-context";
import { TownsPage } from "../../views/towns/page";
import { addTownBody, changeTownBody } from "./form";
import { sortedTowns, townHistoryQuery, townQuery, townsQuery } from "./queries";
import { addTown, changeTown, type TownResult } from "./writes";

type Forms = { add?: FormScope; row?: { id: number; f: FormScope } };

async function render(c: Context<AppEnv>, forms: Forms, status: 200 | 404 | 409 | 422) {
  const {
    results: [rows, history],
  } = await authorize(c, (db) => [townsQuery(db), townHistoryQuery(db)]);
  return c.html(
    <TownsPage
      ctx={pageCtx(c)}
      towns={sortedTowns(rows)}
      history={history}
      add={forms.add ?? emptyForm("town-add")}
      row={forms.row}
      done={status === 200 ? c.req.query("done") : undefined}
    />,
    status,
  );
}

function errorsOf(c: Context<AppEnv>, r: TownResult & { ok: false }) {
  if (r.status === 409) return { _: t(c.get("lang"), "error.version_conflict") };
  if (r.status === 404) return { _: t(c.get("lang"), "error.not_found") };
  return fieldErrors(c.get("lang"), r.issues ?? [], ["name"]);
}

// 镇/街道 (admin): the list with an add form, a rename / retire / restore form per town, and the change history.
export const townPages = new Hono<AppEnv>()
  .get("/towns", (c) => render(c, {}, 200))
  .post("/towns", async (c) => {
    const values = await readForm(c);
    const { user, db } = await authorize(c);
    const r = await addTown(db, addTownBody(values), actorOf(c, user));
    if (r.ok) return c.redirect("/admin/towns?done=add", 303);
    return render(c, { add: { id: "town-add", values, errors: errorsOf(c, r) } }, r.status);
  })
  .post("/towns/:id", async (c) => {
    const values = await readForm(c);
    const id = pathId(c) ?? 0;
    const {
      user,
      db,
      results: [[town]],
    } = await authorize(c, (db) => [townQuery(db, id)]);
    const r = await changeTown(db, town, changeTownBody(values), actorOf(c, user));
    if (r.ok)
      return c.redirect(
        `/admin/towns?done=${values.action === "retire" || values.action === "restore" ? values.action : "rename"}`,
        303,
      );
    return render(c, { row: { id, f: { id: `town-${id}`, values, errors: errorsOf(c, r) } } }, r.status);
  });
