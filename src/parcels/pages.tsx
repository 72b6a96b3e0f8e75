import { Hono } from "hono";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import { fieldErrors, readForm } from "../http/form";
import { varyOnHtmx, wantsFragment } from "../http/fragment";
import { batchPickReads, pickList, pickOf } from "./picks";
import { parcelDetailPages } from "./detail";
import { parcelDelayPages } from "./delay-page";
import { parcelEditPages } from "./edit-page";
import { parcelChecks } from "./checks";
import { activeTownsQuery, townChoices, townNames, townsQuery } from "../towns/queries";
import { REGISTER_ALIASES, REGISTER_FIELDS, registerBody } from "./form";
import { PARCEL_LIST_DEFAULTS, parseListQuery } from "./list-query";
import { ledgerCsvStream, ledgerXlsxStream } from "./export";
import { fileAnswer, type FileFormat } from "../http/download";
import type { Context } from "hono";
import { t } from "../i18n";
import { DEFAULT_ORDER, effectiveOrder } from "./list-read";
import { parcelListReads, parcelListResult } from "./queries";
import { registerParcel } from "./writes";
import { emptyForm } from "../../views/components/field";
import { pageCtx } from "../../views/page-context";
import { ParcelsPage } from "../../views/parcels/list-page";
import { RegisterPage } from "../../views/parcels/register-page";
import { ParcelRows, type RowsProps } from "../../views/parcels/rows";

// HTML pages for /parcels: the list with its filters, the register form, and (mounted below) one parcel.
const EXPORTS = { csv: ledgerCsvStream, xlsx: ledgerXlsxStream } as const;

/** The filtered list as a ledger file, named for the day: 地块台账-2024-06-30.csv or .xlsx. */
async function exportLedger(c: Context<AppEnv>, format: FileFormat) {
  const q = parseListQuery(c.req.query());
  const { db } = await authorize(c);
  if (!q.ok) return c.text(t(c.get("lang"), "error.bad_request"), 400);
  return fileAnswer(c, EXPORTS[format](db, q.filter), format, "parcels", "地块台账");
}

export const parcelPages = new Hono<AppEnv>()
  .get("/", async (c) => {
    varyOnHtmx(c);
    const values = c.req.query();
    const q = parseListQuery(values);
    // A hand-edited URL with a bad filter still gets a usable list, with a notice saying the filters were dropped.
    const { filter, limit, position, order } = q.ok
      ? q
      : { ...PARCEL_LIST_DEFAULTS, filter: {}, position: {}, order: DEFAULT_ORDER };
    // The towns list rides along for the filter's select (a few dozen rows; the rows-only htmx answer skips it).
    const { results } = await authorize(
      c,
      (db) =>
        [
          ...parcelListReads(db, filter, order, limit, position, "row"),
          townsQuery(db, wantsFragment(c) ? 0 : 1000),
        ] as const,
    );
    const [found, totals, towns] = results;
    const page = parcelListResult([found, totals], filter, limit, position);
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
    return c.html(
      <ParcelsPage {...rows} values={values} badQuery={!q.ok} notice={notice} towns={townChoices(towns)} />,
      status,
    );
  })
  // The filtered list as a ledger CSV or XLSX with the import's headers (export → import reproduces it), streamed.
  .get("/export.csv", (c) => exportLedger(c, "csv"))
  .get("/export.xlsx", (c) => exportLedger(c, "xlsx"))
  .get("/new", async (c) => {
    // Without JS the batch picker's 查找 comes back here with the form as typed, which is drawn again so.
    const values = { areaUnit: "mu", ...c.req.query() };
    const pick = pickOf(values, "batchId");
    const {
      results: [matches, chosen, towns],
    } = await authorize(c, (db) => [...batchPickReads(db, pick), activeTownsQuery(db)]);
    return c.html(
      <RegisterPage
        ctx={pageCtx(c)}
        f={emptyForm("reg", values)}
        batches={pickList(pick, matches, chosen)}
        towns={townNames(towns).map((name) => ({ name, retired: false }))}
      />,
    );
  })
  .post("/", async (c) => {
    // The picker's reads go with the session, so a refused form comes back without a third round trip.
    const values = await readForm(c);
    const pick = pickOf(values, "batchId");
    const {
      user,
      db,
      results: [matches, chosen, towns],
    } = await authorize(c, (db) => [...batchPickReads(db, pick), activeTownsQuery(db)]);
    const r = await registerParcel(db, registerBody(values), actorOf(c, user), parcelChecks(c, towns));
    if (r.ok) return c.redirect(`/parcels/${r.parcel.id}`, 303);
    // 422 for what was typed wrong, 409 for a code that exists already: either way the form comes back as typed.
    const errors = fieldErrors(c.get("lang"), r.issues ?? [], REGISTER_FIELDS, REGISTER_ALIASES);
    return c.html(
      <RegisterPage
        ctx={pageCtx(c)}
        f={{ id: "reg", values, errors }}
        batches={pickList(pick, matches, chosen)}
        towns={townNames(towns).map((name) => ({ name, retired: false }))}
      />,
      r.status,
    );
  })
  .route("/", parcelDetailPages)
  .route("/", parcelDelayPages)
  .route("/", parcelEditPages);
