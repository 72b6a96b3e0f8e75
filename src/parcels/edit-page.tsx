import { Hono, type Context } from "hono";
import { batchChoicesQuery, choicesOf } from "../batches/queries";
import { m2ToMu } from "../domain/area";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { fieldErrors, readForm, type FormValues } from "../http/form";
import { pathId } from "../http/path";
import { notFound } from "../http/respond";
import { townChoices, townsQuery } from "../towns/queries";
import { emptyForm, type FormScope } from "../../views/components/field";
import { pageCtx } from "../../views/page-context";
import { EditPage } from "../../views/parcels/edit-page";
import { parcelChecks } from "./checks";
import { parcelDetailQuery, projectNameChoicesQuery, type ParcelDetailView } from "./detail-queries";
import { EDIT_FIELDS, editBody, REGISTER_ALIASES } from "./form";
import { editParcel } from "./writes";

/** The edit page's reads with the session, one D1 batch: the parcel, the towns, the batches and projects to choose. */
async function readEdit(c: Context<AppEnv>) {
  const id = pathId(c) ?? 0;
  const {
    user,
    db,
    results: [[parcel], towns, batches, projects],
  } = await authorize(c, (db) => [
    parcelDetailQuery(db, id),
    townsQuery(db),
    batchChoicesQuery(db),
    projectNameChoicesQuery(db),
  ]);
  return { user, db, parcel, towns, batches: choicesOf(batches), projects: choicesOf(projects) };
}

/** The form as the parcel stands: the area in 亩 to 4 decimals, which is exact for whole m² (1 m² = 0.0015 亩). */
function valuesOf(p: ParcelDetailView): FormValues {
  return {
    name: p.name,
    town: p.town,
    landUse: p.landUse,
    origin: p.origin,
    areaValue: String(Number(m2ToMu(p.areaM2).toFixed(4))),
    areaUnit: "mu",
    batchId: p.batchId === null ? "" : String(p.batchId),
    projectId: p.projectId === null ? "" : String(p.projectId),
  };
}

function render(
  c: Context<AppEnv>,
  read: Awaited<ReturnType<typeof readEdit>> & { parcel: ParcelDetailView },
  f: FormScope,
  status: 200 | 409 | 422 = 200,
) {
  return c.html(
    <EditPage
      ctx={pageCtx(c)}
      parcel={read.parcel}
      f={f}
      towns={townChoices(read.towns).filter((t) => !t.retired)}
      batches={read.batches}
      projects={read.projects}
      conflict={status === 409}
    />,
    status,
  );
}

// 修改登记信息 (issue 10 §1): the form and its post; the same write as PATCH /api/v1/parcels/:id.
export const parcelEditPages = new Hono<AppEnv>()
  .get("/:id/edit", async (c) => {
    const read = await readEdit(c);
    if (!read.parcel) return notFound(c);
    return render(c, { ...read, parcel: read.parcel }, emptyForm("edit", valuesOf(read.parcel)));
  })
  .post("/:id/edit", async (c) => {
    const values = await readForm(c);
    const read = await readEdit(c);
    if (!read.parcel) return notFound(c);
    const active = read.towns.filter((t) => !t.retired);
    const r = await editParcel(read.db, read.parcel, editBody(values), actorOf(c, read.user), parcelChecks(c, active));
    if (r.ok) return c.redirect(`/parcels/${read.parcel.id}?done=edit`, 303);
    if (r.status === 404) return notFound(c);
    const parcel = { ...read, parcel: read.parcel };
    // A stale form: the parcel as it stands now, with a notice; what was typed is shown again so nothing is lost.
    if (r.status === 409) return render(c, parcel, { id: "edit", values, errors: {} }, 409);
    const errors = fieldErrors(c.get("lang"), r.issues ?? [], EDIT_FIELDS, REGISTER_ALIASES);
    return render(c, parcel, { id: "edit", values, errors }, 422);
  });
