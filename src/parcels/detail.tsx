import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { allowedTargets, isState } from "../domain/chain";
import { MOVE_FIELDS } from "../domain/moves";
import { correctableMove } from "../domain/record";
import type { AppEnv, SessionUser } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { fieldErrors, readForm } from "../http/form";
import { varyOnHtmx, wantsFragment } from "../http/fragment";
import { pathId } from "../http/path";
import { deny, notFound } from "../http/respond";
import { correctionBody, moveBody } from "./form";
import { parcelEventsQuery, type ParcelEventView } from "./queries";
import { parcelDetailQuery, type ParcelDetailView } from "./detail-queries";
import { correctParcel, moveParcel, type OpResult } from "./writes";
import { batchPickReads, NO_PICK, pickList, pickOf, type Pick } from "./picks";
import type { ChoiceList } from "../domain/choices";
import { emptyForm, type FormScope } from "../../views/components/field";
import { pageCtx } from "../../views/page-context";
import { DetailSection, ParcelDetailPage, type Detail } from "../../views/parcels/detail-page";
import { ConflictNotice } from "../../views/parcels/conflict-notice";
import { MoveFieldInputs, needsBatchChoices } from "../../views/parcels/move-fields";

/**
 * The detail's reads, sent with the session in one D1 batch: the parcel with its batch's name, its
 * events, and the batch picker's matches and chosen one when the move form will offer it (NO_PICK reads none).
 */
export async function readDetail(c: Context<AppEnv>, pick: Pick) {
  const id = pathId(c) ?? 0;
  const {
    user,
    db,
    results: [[parcel], events, matches, chosen],
  } = await authorize(c, (db) => [parcelDetailQuery(db, id), parcelEventsQuery(db, id), ...batchPickReads(db, pick)]);
  return { user, db, parcel, events, batches: pickList(pick, matches, chosen) };
}

/** The approval move's batch picker as `sent` names it; other targets name no batch and read none. */
const movePick = (sent: Record<string, string>) => pickOf(sent, "batchId", needsBatchChoices(sent.to));

/** What the page shows of a parcel and its events for this user today (the correction rule is the domain's). */
function detailOf(
  c: Context<AppEnv>,
  user: SessionUser,
  parcel: ParcelDetailView,
  events: ParcelEventView[],
  batches?: ChoiceList,
): Detail {
  const targets = isState(parcel.state) ? allowedTargets(parcel.state) : [];
  return { parcel, events, targets, correctable: correctableMove(user, events, c.get("today")), batches };
}

export type Forms = {
  move?: FormScope;
  correction?: FormScope;
  delay?: FormScope;
  conflict?: boolean;
  /** What was just written, for the success notice: move, correction, delay or edit. */
  done?: string;
};

/** The detail: the section alone for htmx (it replaces itself in place), the whole page otherwise. */
function render(c: Context<AppEnv>, d: Detail, forms: Forms, status: ContentfulStatusCode = 200) {
  const props = {
    ctx: pageCtx(c),
    d,
    today: c.get("today"),
    move: forms.move ?? emptyForm("move"),
    correction: forms.correction ?? emptyForm("corr"),
    delay: forms.delay ?? emptyForm("delay"),
    conflict: forms.conflict,
    done: forms.done,
  };
  return wantsFragment(c)
    ? c.html(<DetailSection {...props} />, status)
    : c.html(<ParcelDetailPage {...props} />, status);
}

/**
 * After a write: back to the parcel (303, so reload does not repost), or for htmx the refreshed
 * section — drawn from what was read before the write plus what the write returned, with no third
 * round trip. A refusal draws the same reads with the form as typed.
 */
export function answer(
  c: Context<AppEnv>,
  read: Awaited<ReturnType<typeof readDetail>>,
  r: OpResult,
  refused: (r: OpResult & { ok: false }) => Forms,
) {
  const { user, parcel, events, batches } = read;
  if (!parcel) return notFound(c);
  const done = r.ok ? (r.event?.kind ?? "move") : undefined;
  if (r.ok && !wantsFragment(c)) return c.redirect(`/parcels/${parcel.id}?done=${done}`, 303);
  if (r.ok) {
    // The batch the move named was read by id as the picker's chosen one.
    const batchName =
      r.parcel.batchId === parcel.batchId
        ? parcel.batchName
        : batches.chosen?.id === r.parcel.batchId
          ? batches.chosen.name
          : null;
    const after = { ...r.parcel, batchName, projectName: parcel.projectName };
    return render(c, detailOf(c, user, after, r.event ? [...events, r.event] : events), { done });
  }
  const d = detailOf(c, user, parcel, events, batches);
  if (r.status === 404) return notFound(c);
  if (r.status === 403) return deny(c, 403);
  if (r.status === 409) return render(c, d, { conflict: true }, 409);
  return render(c, d, refused(r), 422);
}

// One parcel: its page, the fields of a chosen move, and the move and correction forms' posts.
export const parcelDetailPages = new Hono<AppEnv>()
  .get("/:id", async (c) => {
    // Without JS the move form's "show fields" button comes back here with ?to= and what was typed.
    const { user, parcel, events, batches } = await readDetail(c, movePick(c.req.query()));
    if (!parcel) return notFound(c);
    return render(c, detailOf(c, user, parcel, events, batches), {
      move: emptyForm("move", c.req.query()),
      done: c.req.query("done"),
    });
  })
  .get("/:id/move-fields", async (c) => {
    varyOnHtmx(c);
    const to = c.req.query("to") ?? "";
    const { parcel, batches } = await readDetail(c, movePick({ to }));
    if (!parcel) return notFound(c);
    // The parcel's own id, never the path as typed: a hostile segment must not reach the Location header.
    if (!wantsFragment(c)) return c.redirect(`/parcels/${parcel.id}?to=${encodeURIComponent(to)}`, 303);
    if (!isState(parcel.state)) return notFound(c);
    // The form names the version it was drawn from: if the parcel moved on since, say so now rather than after typing.
    const drawnAt = c.req.query("version");
    if (drawnAt !== undefined && Number(drawnAt) !== parcel.version)
      return c.html(<ConflictNotice ctx={pageCtx(c)} parcel={parcel} />);
    const target = allowedTargets(parcel.state).find((s) => s === to) ?? null;
    return c.html(
      <MoveFieldInputs
        ctx={pageCtx(c)}
        f={emptyForm("move")}
        from={parcel.state}
        to={target}
        action={`/parcels/${parcel.id}`}
        batches={needsBatchChoices(target) ? batches : undefined}
      />,
    );
  })
  .post("/:id/moves", async (c) => {
    const values = await readForm(c);
    const read = await readDetail(c, movePick(values));
    const r = await moveParcel(
      read.db,
      { parcel: read.parcel, seen: undefined },
      moveBody(values),
      actorOf(c, read.user),
    );
    return answer(c, read, r, (refused) => {
      const fields = ["to", "date", "note", ...(isState(values.to) ? MOVE_FIELDS[values.to] : [])];
      return { move: { id: "move", values, errors: fieldErrors(c.get("lang"), refused.issues ?? [], fields) } };
    });
  })
  .post("/:id/corrections", async (c) => {
    const values = await readForm(c);
    const read = await readDetail(c, NO_PICK);
    const r = await correctParcel(read.db, read.parcel, read.events, correctionBody(values), actorOf(c, read.user));
    return answer(c, read, r, (refused) => ({
      correction: { id: "corr", values, errors: fieldErrors(c.get("lang"), refused.issues ?? [], ["reason"]) },
    }));
  });
