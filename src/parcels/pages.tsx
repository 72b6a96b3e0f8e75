import { Hono } from "hono";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { fieldErrors, readForm } from "../http/form";
import { varyOnHtmx, wantsFragment } from "../http/fragment";
import { batchChoicesQuery, choicesOf } from "../batches/queries";
import { parcelDetailPages } from "./detail";
import { parcelDelayPages } from "./delay-page";
import { REGISTER_ALIASES, REGISTER_FIELDS, registerBody } from "./form";
import { PARCEL_LIST_DEFAULTS, parseListQuery } from "./list-query";
import { DEFAULT_ORDER, effectiveOrder } from "./list-read";
import { parcelListReads, parcelListResult } from "./queries";
import { registerParcel } from "./writes";
import { emptyForm } from "../../views/components/field";
import { pageCtx } from "../../views/page-context";
import { ParcelsPage } from "../../views/parcels/list-page";
import { RegisterPage } from "../../views/parcels/register-page";
import { ParcelRows, type RowsProps } from "../../views/parcels/rows";

// HTML pages for /parcels: the list with its filters, the register form, and (mounted below) one parcel.
export const parcelPages = new Hono<AppEnv>()
  .get("/", async (c) => {
    varyOnHtmx(c);
    const values = c.req.query();
    const q = parseListQuery(values);
    // A hand-edited URL with a bad filter still gets a usable list, with a notice saying the filters were dropped.
    const { filter, limit, position, order } = q.ok
      ? q
      : { ...PARCEL_LIST_DEFAULTS, filter: {}, position: {}, order: DEFAULT_ORDER };
    const { results } = await authorize(c, (db) => parcelListReads(db, filter, order, limit, position));
    const page = parcelListResult(results, filter, limit, position);
    const rows: RowsProps = {
      ctx: pageCtx(c),
      items: page.items,
      filter,
      order: effectiveOrder(filter, order),
      limit,
      position,
      nextCursor: page.nextCursor,
      prevCursor: page.prevCursor,
      totals: page.totals,
    };
    const status = q.ok ? 200 : 400;
    if (wantsFragment(c)) return c.html(<ParcelRows {...rows} />, status);
    // The issue's own message when there is one worth naming (a search too long for the store).
    const notice = q.ok ? null : q.issues.some((i) => i.code === "search_too_long") ? "field.search_too_long" : "";
    return c.html(<ParcelsPage {...rows} values={values} badQuery={!q.ok} notice={notice} />, status);
  })
  .get("/new", async (c) => {
    const {
      results: [choices],
    } = await authorize(c, (db) => [batchChoicesQuery(db)]);
    return c.html(
      <RegisterPage ctx={pageCtx(c)} f={emptyForm("reg", { areaUnit: "mu" })} batches={choicesOf(choices)} />,
    );
  })
  .post("/", async (c) => {
    // The choices are read with the session, so a refused form comes back without a third round trip.
    const {
      user,
      db,
      results: [choices],
    } = await authorize(c, (db) => [batchChoicesQuery(db)]);
    const values = await readForm(c);
    const r = await registerParcel(db, registerBody(values), actorOf(c, user));
    if (r.ok) return c.redirect(`/parcels/${r.parcel.id}`, 303);
    // 422 for what was typed wrong, 409 for a code that exists already: either way the form comes back as typed.
    const errors = fieldErrors(c.get("lang"), r.issues ?? [], REGISTER_FIELDS, REGISTER_ALIASES);
    return c.html(
      <RegisterPage ctx={pageCtx(c)} f={{ id: "reg", values, errors }} batches={choicesOf(choices)} />,
      r.status,
    );
  })
  .route("/", parcelDetailPages)
  .route("/", parcelDelayPages);
