import type { BatchWithTotals } from "../../src/batches/queries";
import type { Parcel } from "../../src/db/schema";
import type { FormScope } from "../components/field";
import { Layout } from "../layout";
import { can } from "../parcels/can";
import type { PageCtx } from "../page-context";
import { ApprovalForm, BATCH_DETAIL_ID } from "./approval-form";
import { ageText, areaText, BatchFigures, DocumentVsParcels } from "./figures";
import { BatchParcelTable } from "./parcel-table";
import { FieldList } from "../components/field-list";

export type BatchDetailProps = {
  ctx: PageCtx;
  found: BatchWithTotals;
  parcels: Parcel[];
  today: string;
  approval: FormScope;
  conflict?: string;
  approved?: number;
};

/** What the batch's approval document says: kind, authority, doc no., date, age and areas. */
function Registered(props: { ctx: PageCtx; found: BatchWithTotals; today: string }) {
  const { ctx } = props;
  const b = props.found.batch;
  const area = (m2: number | null) => (m2 === null ? "—" : areaText(ctx, m2));
  const rows: [string, string][] = [
    ["batch.kind", ctx.t(`batch.kind.${b.kind}`)],
    ["batch.authority", b.authority ?? "—"],
    ["batch.docNo", b.docNo ?? "—"],
    ["batch.approvedOn", b.approvedOn ?? ctx.t("batch.unapproved")],
    ["batch.age", ageText(ctx, b.approvedOn, props.today)],
    ["batch.totalArea", area(b.totalM2)],
    ["batch.agriculturalArea", area(b.agriculturalM2)],
    ["batch.cultivatedArea", area(b.cultivatedM2)],
    ["batch.unusedArea", area(b.unusedM2)],
    ["batch.newConstructionArea", area(b.newConstructionM2)],
    ["batch.note", b.note ?? "—"],
  ];
  return <FieldList ctx={ctx} rows={rows} />;
}

/** The part an approval re-renders: figures, form and parcels together, so all show what was just written. */
export function BatchDetailSection(props: BatchDetailProps) {
  const { ctx, found } = props;
  const b = found.batch;
  const mayApprove = !b.approvedOn && found.totals.plannedCount > 0 && can(ctx, "POST /batches/:id/approval");
  return (
    <section id={BATCH_DETAIL_ID}>
      <h1>{b.name}</h1>
      {props.conflict && (
        <p class="notice error" role="alert">
          {ctx.t(props.conflict === "version_conflict" ? "batch.conflict" : `error.${props.conflict}`)}
        </p>
      )}
      {props.approved !== undefined && (
        <p class="notice" role="status">
          {ctx.t("batch.approval.done", { count: props.approved })}
        </p>
      )}
      <div class="cols">
        <div>
          <h2>{ctx.t("batch.registered")}</h2>
          <Registered ctx={ctx} found={found} today={props.today} />
        </div>
        <div>
          <h2>{ctx.t("batch.figures")}</h2>
          <BatchFigures ctx={ctx} totals={found.totals} approved={b.approvedOn !== null} />
          <h2>{ctx.t("batch.docVsParcels")}</h2>
          <DocumentVsParcels
            ctx={ctx}
            docM2={b.totalM2}
            parcelsM2={props.parcels.reduce((sum, p) => sum + p.areaM2, 0)}
          />
          {mayApprove && (
            <ApprovalForm ctx={ctx} f={props.approval} batch={b} totals={found.totals} today={props.today} />
          )}
        </div>
      </div>
      <h2>{ctx.t("batch.parcels")}</h2>
      <BatchParcelTable ctx={ctx} parcels={props.parcels} today={props.today} />
    </section>
  );
}

/** `/batches/:id`: the detail section in the page shell. */
export function BatchDetailPage(props: BatchDetailProps) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.found.batch.name}>
      <p>
        <a href="/batches">{ctx.t("batch.back")}</a>
      </p>
      <BatchDetailSection {...props} />
    </Layout>
  );
}
