import type { Child } from "hono/jsx";
import type { ParcelEventView } from "../../src/parcels/queries";
import { formatMu } from "../../src/domain/area";
import { Instant } from "../components/instant";
import { StateBadge } from "../components/state-badge";
import type { PageCtx } from "../page-context";

type Line = [label: string, value: Child];

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));

/** One side of an edited field as a reader wants it: an area in 亩 and m², a use in words, a batch or project linked. */
function editedValue(ctx: PageCtx, field: string, v: unknown, name?: unknown): Child {
  if (v === null || v === undefined || v === "") return "—";
  if (field === "areaM2" && typeof v === "number")
    return `${formatMu(v)} ${ctx.t("unit.mu")}（${v} ${ctx.t("unit.m2")}）`;
  if (field === "landUse") return ctx.t(`landUse.${String(v)}`);
  if (field === "origin") return ctx.t(`origin.${String(v)}`);
  const label = typeof name === "string" ? name : undefined;
  if (field === "batchId") return <a href={`/batches/${Number(v)}`}>{label ?? ctx.t("pp.event.batchLink")}</a>;
  if (field === "projectId") return <a href={`/projects/${Number(v)}`}>{label ?? ctx.t("pp.event.projectLink")}</a>;
  return String(v);
}

const confirmedLine = (ctx: PageCtx, checks: unknown): Line[] =>
  Array.isArray(checks) && checks.length
    ? [[ctx.t("pp.event.areaConfirmed"), checks.map((c) => ctx.t(`pp.event.check.${String(c)}`)).join("；")]]
    : [];

/** The fields an event recorded, labelled; internal bookkeeping (the batch to restore) is left out. */
function eventLines(ctx: PageCtx, e: ParcelEventView): Line[] {
  const data = JSON.parse(e.data) as Record<string, unknown>;
  if (e.kind === "edit") {
    const changes = (data.changes ?? {}) as Record<
      string,
      { from: unknown; to: unknown; fromName?: unknown; toName?: unknown }
    >;
    const lines: Line[] = Object.entries(changes).map(([k, c]) => [
      ctx.t(k === "areaM2" ? "parcel.area" : `parcel.${k}`),
      <>
        {editedValue(ctx, k, c.from, c.fromName)} → {editedValue(ctx, k, c.to, c.toName)}
      </>,
    ]);
    if (typeof data.reason === "string") lines.push([ctx.t("pp.event.reason"), data.reason]);
    return [...lines, ...confirmedLine(ctx, data.areaConfirmed)];
  }
  if (e.kind === "register") return confirmedLine(ctx, data.areaConfirmed);
  const lines: Line[] = [];
  for (const [k, v] of Object.entries(data)) {
    if (k === "previousBatchId") continue;
    if (k === "undoneEventId")
      lines.push([ctx.t("pp.event.undoes"), <a href={`#event-${show(v)}`}>{ctx.t("pp.event.undoneLink")}</a>]);
    else if (k === "docNo" && e.kind === "delay") lines.push([ctx.t("delay.docNo"), show(v)]);
    else if (k === "docNo") lines.push([ctx.t(`pp.docNo.${e.toState}`), show(v)]);
    else if (k === "method") lines.push([ctx.t("move.method"), ctx.t(`method.${String(v)}`)]);
    else lines.push([ctx.t(`move.${k}`), show(v)]);
  }
  return lines;
}

/**
 * Every event of a parcel, oldest first: what happened, who recorded it and when, on which business date. A move,
 * delay or edit a correction took back is struck through and labelled 已更正, linked to that correction.
 */
export function Timeline(props: { ctx: PageCtx; events: ParcelEventView[] }) {
  const { ctx, events } = props;
  if (!events.length) return <p class="muted">{ctx.t("pp.event.none")}</p>;
  const undoneBy = new Map(events.filter((e) => e.revertsEventId !== null).map((e) => [e.revertsEventId, e.id]));
  return (
    <ol class="timeline">
      {events.map((e) => {
        const lines = eventLines(ctx, e);
        // A correction and an edit keep their reason both as note and data: say it once.
        const note = e.kind === "correction" || e.kind === "edit" ? null : e.note;
        const correction = undoneBy.get(e.id);
        const what = (
          <>
            <strong>{ctx.t(`pp.event.${e.kind}`)}</strong> {e.fromState && <StateBadge ctx={ctx} state={e.fromState} />}
            {e.toState && e.toState !== e.fromState && (
              <>
                {" → "}
                <StateBadge ctx={ctx} state={e.toState} />
              </>
            )}
          </>
        );
        return (
          <li id={`event-${e.id}`} class={correction === undefined ? undefined : "undone"}>
            <div>
              {correction === undefined ? what : <s>{what}</s>}{" "}
              {correction !== undefined && (
                <>
                  <span class="badge">{ctx.t("pp.event.undone")}</span>{" "}
                  <a href={`#event-${correction}`}>{ctx.t("pp.event.undoneBy")}</a>
                </>
              )}
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
