import { haText, muText } from "../components/figures";
import type { Child } from "hono/jsx";
import type { ParcelDetailView } from "../../src/parcels/detail-queries";
import type { Parcel } from "../../src/db/schema";
import { Instant } from "../components/instant";
import { StateBadge } from "../components/state-badge";
import type { PageCtx } from "../page-context";
import { FieldList } from "../components/field-list";

// Columns filled in by moves, in chain order; each shows only once its move has recorded it.
const MOVE_COLUMNS = [
  "lastMovedOn",
  "approvedOn",
  "approvalDocNo",
  "acquiredOn",
  "acquisitionDocNo",
  "reservedOn",
  "reserveNo",
  "suppliedOn",
  "supplyMethod",
  "supplyDocNo",
  "landUser",
  "priceWan",
  "agreedStartOn",
  "originalAgreedStartOn",
  "agreedCompletionOn",
  "supervisionNo",
  "startedOn",
  "permitNo",
  "completedOn",
  "withdrawnOn",
  "withdrawalDocNo",
  "withdrawalReason",
] as const;

function moveValue(ctx: PageCtx, p: Parcel, key: (typeof MOVE_COLUMNS)[number]): string | null {
  if (key === "priceWan") return p.priceYuan === null ? null : String(p.priceYuan / 10000);
  // The original start is shown only once a delay has moved the start away from it.
  if (key === "originalAgreedStartOn")
    return p.originalAgreedStartOn === p.agreedStartOn ? null : p.originalAgreedStartOn;
  if (key === "supplyMethod") return p.supplyMethod === null ? null : ctx.t(`method.${p.supplyMethod}`);
  return p[key];
}

/** Every recorded field of a parcel: registration first, then what each move recorded. */
export function ParcelFields(props: { ctx: PageCtx; parcel: ParcelDetailView }) {
  const { ctx, parcel: p } = props;
  const rows: [string, Child][] = [
    ["parcel.code", p.code],
    ["parcel.name", p.name],
    ["parcel.town", p.town],
    ["parcel.landUse", ctx.t(`landUse.${p.landUse}`)],
    ["parcel.origin", ctx.t(`origin.${p.origin}`)],
    ["parcel.area", `${muText(p.areaM2)} ${ctx.t("unit.mu")} / ${haText(p.areaM2)} ${ctx.t("unit.ha")}`],
    ["pp.f.areaM2", p.areaM2],
    ["parcel.state", <StateBadge ctx={ctx} state={p.state} />],
    // By name and linked; ids and the version stay out of sight (the forms carry the version hidden).
    ["parcel.batch", p.batchId === null ? "—" : <a href={`/batches/${p.batchId}`}>{p.batchName ?? "—"}</a>],
    ["parcel.project", p.projectId === null ? "—" : <a href={`/projects/${p.projectId}`}>{p.projectName ?? "—"}</a>],
    ["parcel.createdAt", <Instant iso={p.createdAt} />],
  ];
  for (const key of MOVE_COLUMNS) {
    const value = moveValue(ctx, p, key);
    if (value !== null) rows.push([`pp.f.${key}`, value]);
  }
  return <FieldList ctx={ctx} rows={rows} />;
}
