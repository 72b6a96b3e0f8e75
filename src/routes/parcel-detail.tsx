import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { getDb } from "../db/client";
import { findParcelWithEvents } from "../db/parcels";
import { allowedTargets, isState, mayCorrect } from "../domain/chain";
import { shanghaiDate } from "../domain/dates";
import { MOVE_FIELDS } from "../domain/moves";
import { effectiveMoves } from "../domain/record";
import type { AppEnv } from "../env";
import { pageActor } from "../http/actor";
import { varyOnHtmx, wantsFragment } from "../http/fragment";
import { correctionBody, fieldErrors, moveBody, readForm, type FormValues } from "../http/parcel-form";
import { deny } from "../http/respond";
import { t } from "../i18n";
import { correctParcelOp, moveParcelOp, type OpResult } from "../ops/parcel-ops";
import { emptyForm, type FormScope } from "../../views/components/field";
import { ErrorPage } from "../../views/error-page";
import { pageCtx } from "../../views/page-context";
import { DetailSection, ParcelDetailPage, type Detail } from "../../views/parcels/detail-page";
import { ConflictNotice } from "../../views/parcels/conflict-notice";
import { MoveFieldInputs, needsBatchChoices } from "../../views/parcels/move-fields";
import { listBatchChoices } from "../db/batches";
import { pathId } from "./api/parcels";

async function loadDetail(c: Context<AppEnv>, id: number | null): Promise<Detail | null> {
  const found = id === null ? null : await findParcelWithEvents(getDb(c.env), id);
  if (!found) return null;
  const { parcel, events } = found;
  const last = effectiveMoves(events).at(-1);
  const user = c.get("user")!;
  const mayUndo = last && mayCorrect(user, { actorId: last.actorId, movedOnDay: shanghaiDate(new Date(last.recordedAt)) }, c.get("today"));
  return { parcel, events, targets: isState(parcel.state) ? allowedTargets(parcel.state) : [], correctable: mayUndo ? last : null };
}

const notFound = (c: Context<AppEnv>) => c.html(<ErrorPage c={c} status={404} message={t(c.get("lang"), "error.not_found")} />, 404);

type Forms = { move?: FormScope; correction?: FormScope; conflict?: boolean };

/** The detail: the section alone for htmx (it replaces itself in place), the whole page otherwise. */
async function render(c: Context<AppEnv>, d: Detail, forms: Forms, status: ContentfulStatusCode = 200) {
  if (needsBatchChoices(forms.move?.values.to)) d = { ...d, batches: await listBatchChoices(getDb(c.env)) };
  const props = { ctx: pageCtx(c), d, today: c.get("today"), move: forms.move ?? emptyForm("move"), correction: forms.correction ?? emptyForm("corr"), conflict: forms.conflict };
  return wantsFragment(c) ? c.html(<DetailSection {...props} />, status) : c.html(<ParcelDetailPage {...props} />, status);
}

/** After a write: back to the parcel (303, so reload does not repost), or for htmx the refreshed section. */
async function answer(c: Context<AppEnv>, id: number, r: OpResult, refused: (values: FormValues, r: OpResult & { ok: false }) => Forms, values: FormValues) {
  if (r.ok && !wantsFragment(c)) return c.redirect(`/parcels/${id}`, 303);
  const d = await loadDetail(c, id);
  if (!d) return notFound(c);
  if (r.ok) return render(c, d, {});
  if (r.status === 404) return notFound(c);
  if (r.status === 403) return deny(c, 403);
  if (r.status === 409) return render(c, d, { conflict: true }, 409);
  return render(c, d, refused(values, r), 422);
}

// One parcel: its page, the fields of a chosen move, and the move and correction forms' posts.
export const parcelDetailPages = new Hono<AppEnv>()
  .get("/:id", async (c) => {
    const d = await loadDetail(c, pathId(c));
    if (!d) return notFound(c);
    // Without JS the move form's "show fields" button comes back here with ?to= and what was typed.
    return render(c, d, { move: emptyForm("move", c.req.query()) });
  })
  .get("/:id/move-fields", async (c) => {
    varyOnHtmx(c);
    const to = c.req.query("to") ?? "";
    if (!wantsFragment(c)) return c.redirect(`/parcels/${c.req.param("id")}?to=${encodeURIComponent(to)}`, 303);
    const d = await loadDetail(c, pathId(c));
    if (!d || !isState(d.parcel.state)) return notFound(c);
    // The form names the version it was drawn from: if the parcel moved on since, say so now rather than after typing.
    const drawnAt = c.req.query("version");
    if (drawnAt !== undefined && Number(drawnAt) !== d.parcel.version) return c.html(<ConflictNotice ctx={pageCtx(c)} parcel={d.parcel} />);
    const target = d.targets.find((s) => s === to) ?? null;
    const batches = needsBatchChoices(target) ? await listBatchChoices(getDb(c.env)) : [];
    return c.html(<MoveFieldInputs ctx={pageCtx(c)} f={emptyForm("move")} from={d.parcel.state} to={target} batches={batches} />);
  })
  .post("/:id/moves", async (c) => {
    const id = pathId(c);
    if (id === null) return notFound(c);
    const values = await readForm(c);
    const r = await moveParcelOp(getDb(c.env), id, moveBody(values), pageActor(c));
    return answer(c, id, r, (v, refused) => {
      const fields = ["to", "date", "note", ...(isState(v.to) ? MOVE_FIELDS[v.to] : [])];
      return { move: { id: "move", values: v, errors: fieldErrors(c.get("lang"), refused.issues ?? [], fields) } };
    }, values);
  })
  .post("/:id/corrections", async (c) => {
    const id = pathId(c);
    if (id === null) return notFound(c);
    const values = await readForm(c);
    const r = await correctParcelOp(getDb(c.env), id, correctionBody(values), pageActor(c));
    return answer(c, id, r, (v, refused) => ({ correction: { id: "corr", values: v, errors: fieldErrors(c.get("lang"), refused.issues ?? [], ["reason"]) } }), values);
  });
