import type { ParcelEventView } from "../../src/parcels/queries";
import { Instant } from "../components/instant";
import { StateBadge } from "../components/state-badge";
import type { PageCtx } from "../page-context";

type Line = [label: string, value: string];

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));

/** The fields an event recorded, labelled; internal bookkeeping (the batch to restore) is left out. */
function eventLines(ctx: PageCtx, e: ParcelEventView): Line[] {
  const data = JSON.parse(e.data) as Record<string, unknown>;
  if (e.kind === "edit") {
    const changes = (data.changes ?? {}) as Record<string, { from: unknown; to: unknown }>;
    return Object.entries(changes).map(([k, c]) => [
      ctx.t(k === "areaM2" ? "pp.f.areaM2" : `parcel.${k}`),
      `${show(c.from)} → ${show(c.to)}`,
    ]);
  }
  const lines: Line[] = [];
  for (const [k, v] of Object.entries(data)) {
    if (k === "previousBatchId") continue;
    if (k === "undoneEventId") lines.push([ctx.t("pp.event.undoes"), `#${show(v)}`]);
    else if (k === "docNo" && e.kind === "delay") lines.push([ctx.t("delay.docNo"), show(v)]);
    else if (k === "docNo") lines.push([ctx.t(`pp.docNo.${e.toState}`), show(v)]);
    else if (k === "method") lines.push([ctx.t("move.method"), ctx.t(`method.${String(v)}`)]);
    else lines.push([ctx.t(`move.${k}`), show(v)]);
  }
  return lines;
}

/** Every event of a parcel, oldest first: what happened, who recorded it and when, on which business date. */
export function Timeline(props: { ctx: PageCtx; events: ParcelEventView[] }) {
  const { ctx, events } = props;
  if (!events.length) return <p class="muted">{ctx.t("pp.event.none")}</p>;
  return (
    <ol class="timeline">
      {events.map((e) => {
        const lines = eventLines(ctx, e);
        // A correction keeps its reason both as note and data: say it once.
        const note = e.kind === "correction" ? null : e.note;
        return (
          <li id={`event-${e.id}`}>
            <div>
              <strong>{ctx.t(`pp.event.${e.kind}`)}</strong>{" "}
              {e.fromState && <StateBadge ctx={ctx} state={e.fromState} />}
              {e.toState && e.toState !== e.fromState && (
                <>
                  {" → "}
                  <StateBadge ctx={ctx} state={e.toState} />
                </>
              )}{" "}
              <span class="muted">#{e.id}</span>
            </div>
            <div class="muted">
              {ctx.t("move.date")} {e.on} · {ctx.t("pp.event.recordedAt")} <Instant iso={e.recordedAt} /> ·{" "}
              {ctx.t("pp.event.by")} {e.actorName}（{e.actor}）
            </div>
            {lines.length > 0 && (
              <dl class="fields">
                {lines.map(([label, value]) => (
                  <>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </>
                ))}
              </dl>
            )}
            {note && (
              <p>
                {ctx.t("move.note")}：{note}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
