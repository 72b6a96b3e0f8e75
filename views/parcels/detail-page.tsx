import type { ParcelEventView } from "../../src/parcels/queries";
import type { ParcelDetailView } from "../../src/parcels/detail-queries";
import type { State } from "../../src/domain/chain";
import type { FormScope } from "../components/field";
import { StateBadge } from "../components/state-badge";
import { lapseLevel } from "../../src/domain/lapse";
import { LapseBadge } from "../batches/lapse-badge";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { can } from "./can";
import { ConflictNotice } from "./conflict-notice";
import { CorrectionForm } from "./correction-form";
import { DelayForm } from "./delay-form";
import { DETAIL_ID } from "./detail-ids";
import { MoveForm } from "./move-form";
import type { ChoiceList } from "../../src/domain/choices";
import { ParcelFields } from "./parcel-fields";
import { Timeline } from "./timeline";

/** What the detail view shows, loaded once per request. `correctable` is the latest move, set only when this user may undo it. */
export type Detail = {
  parcel: ParcelDetailView;
  events: ParcelEventView[];
  targets: State[];
  correctable: ParcelEventView | null;
  batches?: ChoiceList;
};

export type DetailProps = {
  ctx: PageCtx;
  d: Detail;
  move: FormScope;
  correction: FormScope;
  delay: FormScope;
  today: string;
  conflict?: boolean;
  /** What was just written (?done= after the redirect, or the htmx answer): a success notice says so. */
  done?: string;
};

const DONE = ["move", "correction", "delay", "edit"];

/**
 * The part a move or correction re-renders: fields, forms and timeline together, so after any
 * write the version in every form and the history on screen are the ones just written.
 */
export function DetailSection(props: DetailProps) {
  const { ctx, d } = props;
  const p = d.parcel;
  return (
    <section id={DETAIL_ID}>
      <h1>
        {p.code} {p.name} <StateBadge ctx={ctx} state={p.state} />{" "}
        <LapseBadge ctx={ctx} level={lapseLevel(p, props.today)} />
      </h1>
      {props.conflict && <ConflictNotice ctx={ctx} parcel={p} />}
      {props.done && DONE.includes(props.done) && (
        <p class="notice" role="status">
          {ctx.t(`pp.done.${props.done}`)}
        </p>
      )}
      <div class="cols">
        <div>
          <h2>{ctx.t("pp.detail.fields")}</h2>
          <ParcelFields ctx={ctx} parcel={p} />
          {can(ctx, "GET /parcels/:id/edit") && (
            <p>
              <a class="button secondary" href={`/parcels/${p.id}/edit`}>
                {ctx.t("pp.edit.link")}
              </a>
            </p>
          )}
        </div>
        <div>
          {can(ctx, "POST /parcels/:id/moves") && (
            <MoveForm ctx={ctx} f={props.move} parcel={p} targets={d.targets} today={props.today} batches={d.batches} />
          )}
          {p.state === "supplied" && can(ctx, "POST /parcels/:id/delays") && (
            <DelayForm ctx={ctx} f={props.delay} parcel={p} today={props.today} />
          )}
          {d.correctable && <CorrectionForm ctx={ctx} f={props.correction} parcel={p} last={d.correctable} />}
        </div>
      </div>
      <h2>{ctx.t("pp.detail.timeline")}</h2>
      <Timeline ctx={ctx} events={d.events} />
    </section>
  );
}

/** `/parcels/:id`: the detail section in the page shell. */
export function ParcelDetailPage(props: DetailProps) {
  const { ctx } = props;
  const p = props.d.parcel;
  return (
    <Layout ctx={ctx} title={`${p.code} ${p.name}`}>
      <p>
        <a href="/parcels">{ctx.t("pp.detail.back")}</a>
      </p>
      <DetailSection {...props} />
    </Layout>
  );
}
