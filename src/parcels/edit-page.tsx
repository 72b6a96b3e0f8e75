import { Hono, type Context } from "hono";
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
import { parcelDetailQuery, type ParcelDetailView } from "./detail-queries";
import { batchPickReads, pickList, pickOf, projectPickReads } from "./picks";
import { EDIT_FIELDS, editBody, REGISTER_ALIASES } from "./form";
import { editParcel } from "./writes";

/**
 * The edit page's reads with the session, one D1 batch: the parcel, the towns, and each picker's matches and chosen
 * one as `sent` names them. When `sent` names no batch (or project) — the page as first opened — the parcel's own
 * stays chosen, by the name its row was read with.
 */
async function readEdit(c: Context<AppEnv>, sent: FormValues) {
  const id = pathId(c) ?? 0;
  const batch = pickOf(sent, "batchId");
  const project = pickOf(sent, "projectId");
  const {
    user,
    db,
    results: [[parcel], towns, batchMatches, batchChosen, projectMatches, projectChosen],
  } = await authorize(c, (db) => [
    parcelDetailQuery(db, id),
    townsQuery(db),
    ...batchPickReads(db, batch),
    ...projectPickReads(db, project),
  ]);
  const own = (field: string, id: number | null | undefined, name: string | null | undefined) =>
    field in sent || id == null ? null : { id, name: name ?? "" };
  return {
    user,
    db,
    parcel,
    towns,
    batches: pickList(batch, batchMatches, batchChosen, own("batchId", parcel?.batchId, parcel?.batchName)),
    projects: pickList(
      project,
      projectMatches,
      projectChosen,
      own("projectId", parcel?.projectId, parcel?.projectName),
    ),
  };
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
  version?: string,
) {
  return c.html(
    <EditPage
      ctx={pageCtx(c)}
      parcel={read.parcel}
      f={f}
      towns={townChoices(read.towns).filter((t) => !t.retired)}
      batches={read.batches}
      projects={read.projects}
      version={version}
      conflict={status === 409}
    />,
    status,
  );
}

// 修改登记信息 (issue 10 §1): the form and its post; the same write as PATCH /api/v1/parcels/:id.
export const parcelEditPages = new Hono<AppEnv>()
  .get("/:id/edit", async (c) => {
    // Without JS a picker's 查找 comes back here with the form as typed: drawn again so, naming the version it was
    // first drawn from, so a change made meanwhile still makes the save a 409.
    const sent = c.req.query();
    const read = await readEdit(c, sent);
    if (!read.parcel) return notFound(c);
    const version = /^\d{1,15}$/.test(sent.version ?? "") ? sent.version : undefined;
    const f = emptyForm("edit", { ...valuesOf(read.parcel), ...sent });
    return render(c, { ...read, parcel: read.parcel }, f, 200, version);
  })
  .post("/:id/edit", async (c) => {
    const values = await readForm(c);
    const read = await readEdit(c, values);
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
