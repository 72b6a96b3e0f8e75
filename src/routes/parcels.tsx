import { Hono } from "hono";
import { getDb } from "../db/client";
import { listBatchChoices } from "../db/batches";
import { listParcels } from "../db/parcels";
import type { AppEnv } from "../env";
import { varyOnHtmx, wantsFragment } from "../http/fragment";
import { DEFAULT_PAGE_SIZE, parseListQuery } from "../http/list-query";
import { fieldErrors, readForm, REGISTER_ALIASES, REGISTER_FIELDS, registerBody } from "../http/parcel-form";
import { pageActor } from "../http/actor";
import { registerParcelOp } from "../ops/parcel-ops";
import { emptyForm } from "../../views/components/field";
import { pageCtx } from "../../views/page-context";
import { ParcelsPage } from "../../views/parcels/list-page";
import { RegisterPage } from "../../views/parcels/register-page";
import { ParcelRows } from "../../views/parcels/rows";
import { parcelDetailPages } from "./parcel-detail";

// HTML pages for /parcels: the list with its filters, the register form, and (mounted below) one parcel.
export const parcelPages = new Hono<AppEnv>()
  .get("/", async (c) => {
    varyOnHtmx(c);
    const values = c.req.query();
    const q = parseListQuery(values);
    // A hand-edited URL with a bad filter still gets a usable list, with a notice saying the filters were dropped.
    const { filter, limit, cursor } = q.ok ? q : { filter: {}, limit: DEFAULT_PAGE_SIZE, cursor: undefined };
    const page = await listParcels(getDb(c.env), filter, limit, cursor);
    const rows = { ctx: pageCtx(c), items: page.items, filter, cursor, nextCursor: page.nextCursor };
    const status = q.ok ? 200 : 400;
    if (wantsFragment(c)) return c.html(<ParcelRows {...rows} />, status);
    return c.html(<ParcelsPage {...rows} values={values} badQuery={!q.ok} />, status);
  })
  .get("/new", async (c) => c.html(<RegisterPage ctx={pageCtx(c)} f={emptyForm("reg", { areaUnit: "mu" })} batches={await listBatchChoices(getDb(c.env))} />))
  .post("/", async (c) => {
    const values = await readForm(c);
    const r = await registerParcelOp(getDb(c.env), registerBody(values), pageActor(c));
    if (r.ok) return c.redirect(`/parcels/${r.parcel.id}`, 303);
    // 422 for what was typed wrong, 409 for a code that exists already: either way the form comes back as typed.
    const errors = fieldErrors(c.get("lang"), r.issues ?? [], REGISTER_FIELDS, REGISTER_ALIASES);
    return c.html(<RegisterPage ctx={pageCtx(c)} f={{ id: "reg", values, errors }} batches={await listBatchChoices(getDb(c.env))} />, r.status);
  })
  .route("/", parcelDetailPages);
