import { grouped } from "../components/figures";
import { idleCursorParam, lateCursorParam, type Idle } from "../../src/idle-land/figures";
import { IDLE_LEVELS, type IdleLevel } from "../../src/domain/idle-land";
import type { TownChoice } from "../../src/towns/queries";
import { TownSelect } from "../towns/town-select";
import { AreaCell } from "../components/area";
import { emptyForm, Field, Input, Select } from "../components/field";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

/** A level as a word plus a colour: amber before the start, red once it has passed. */
export function LevelBadge(props: { ctx: PageCtx; level: IdleLevel | null }) {
  if (!props.level) return <span class="muted">—</span>;
  return (
    <span class={`badge ${props.level === "due_soon" ? "warn" : "bad"}`}>
      {props.ctx.t(`idle.level.${props.level}`)}
    </span>
  );
}

function Filters(props: { ctx: PageCtx; d: Idle; towns: TownChoice[] }) {
  const { ctx, d } = props;
  const f = emptyForm("idle", {
    asOf: d.asOf,
    level: d.level ?? "",
    town: d.town ?? "",
    warning: d.warning === null ? "" : String(d.warning),
  });
  return (
    <form
      class="filters"
      method="get"
      action="/idle-land"
      hx-get="/idle-land"
      hx-target="main"
      hx-select="main"
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-trigger="change, submit"
    >
      <Field f={f} name="asOf" label={ctx.t("dig.asOf")}>
        <Input f={f} name="asOf" type="date" required />
      </Field>
      <Field f={f} name="level" label={ctx.t("idle.level")}>
        <Select
          f={f}
          name="level"
          placeholder={ctx.t("common.all")}
          options={IDLE_LEVELS.map((l) => [l, ctx.t(`idle.level.${l}`)])}
        />
      </Field>
      <Field f={f} name="warning" label={ctx.t("idle.warningFilter")}>
        <Select
          f={f}
          name="warning"
          placeholder={ctx.t("common.all")}
          options={d.warnings.map((w) => [String(w.days), ctx.t("idle.within", { days: w.days })])}
        />
      </Field>
      <Field f={f} name="town" label={ctx.t("parcel.town")}>
        <TownSelect ctx={ctx} f={f} towns={props.towns} placeholder={ctx.t("common.all")} />
      </Field>
      <button type="submit">{ctx.t("dig.show")}</button>
    </form>
  );
}

function Rates(props: { ctx: PageCtx; d: Idle }) {
  const { ctx, d } = props;
  const rows = [
    ["idle.startRate", d.rates.start, d.targets?.startRatePct ?? null],
    ["idle.completionRate", d.rates.completion, d.targets?.completionRatePct ?? null],
  ] as const;
  return (
    <table>
      <caption>{ctx.t("idle.rates", { from: `${d.asOf.slice(0, 4)}-01-01`, to: d.asOf })}</caption>
      <thead>
        <tr>
          <th scope="col">{ctx.t("idle.rate")}</th>
          {["idle.due", "idle.done", "idle.byCount", "idle.dueMu", "idle.doneMu", "idle.byArea", "idle.target"].map(
            (k) => (
              <th scope="col" class="num">
                {ctx.t(k)}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, r, target]) => (
          <tr>
            <th scope="row">{ctx.t(key)}</th>
            <td class="num">{r.dueCount}</td>
            <td class="num">{r.doneCount}</td>
            <td class="num">{pct(r.countRate)}</td>
            <td class="num">{grouped(r.dueAreaMu, 2)}</td>
            <td class="num">{grouped(r.doneAreaMu, 2)}</td>
            <td class="num">{pct(r.areaRate)}</td>
            <td class="num">{target === null ? ctx.t("idle.noTarget") : `${target}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Parcels(props: { ctx: PageCtx; items: Idle["items"]; caption: string }) {
  const { ctx, items } = props;
  if (!items.length) return <p class="empty">{ctx.t("idle.none", { what: props.caption })}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {[
              "parcel.code",
              "parcel.town",
              "idle.agreedStart",
              "idle.original",
              "idle.level",
              "idle.lateOrToGo",
              "idle.next",
              "idle.fee",
            ].map((k, i) => (
              <th scope="col" class={i >= 5 ? "num" : undefined}>
                {ctx.t(k)}
              </th>
            ))}
            <th scope="col" class="num">
              {ctx.t("dig.areaMuHa")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr>
              <td>
                <a href={`/parcels/${p.id}`}>{p.code}</a>
              </td>
              <td>{p.town}</td>
              <td>{p.agreedStartOn}</td>
              <td>{p.originalAgreedStartOn !== p.agreedStartOn ? p.originalAgreedStartOn : "—"}</td>
              <td>
                <LevelBadge ctx={ctx} level={p.status.level} />
              </td>
              <td class="num">
                {p.status.daysLate !== null
                  ? ctx.t("idle.daysLate", { n: p.status.daysLate })
                  : ctx.t("idle.daysToGo", { n: p.status.daysToGo ?? 0 })}
              </td>
              <td class="num">
                {p.status.next
                  ? ctx.t("idle.nextIn", { n: p.status.next.days, level: ctx.t(`idle.level.${p.status.next.level}`) })
                  : "—"}
              </td>
              <td class="num">{p.status.feeWan === null ? "—" : grouped(p.status.feeWan, 2)}</td>
              <AreaCell m2={p.areaM2} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/idle-land` with this page's filters, plus any paging parameters. */
export function idleHref(d: Idle, extra: Record<string, string> = {}, hash = "") {
  const p = new URLSearchParams({ asOf: d.asOf });
  if (d.level) p.set("level", d.level);
  if (d.town) p.set("town", d.town);
  if (d.warning !== null) p.set("warning", String(d.warning));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return `/idle-land?${p}${hash}`;
}

/** Count, area and idle fee by level: worked out in SQL over every supplied-not-started parcel of the town. */
function Totals(props: { ctx: PageCtx; d: Idle }) {
  const { ctx, d } = props;
  return (
    <table>
      <caption>{ctx.t("idle.totals", { n: d.totals.count })}</caption>
      <thead>
        <tr>
          <th scope="col">{ctx.t("idle.level")}</th>
          <th scope="col" class="num">
            {ctx.t("idle.count")}
          </th>
          <th scope="col" class="num">
            {ctx.t("dig.areaMuHa")}
          </th>
          <th scope="col" class="num">
            {ctx.t("idle.fee")}
          </th>
        </tr>
      </thead>
      <tbody>
        {d.totals.byLevel.map((l) => (
          <tr>
            <th scope="row">
              <a href={idleHref({ ...d, level: l.level, warning: null }, {}, "#list")}>
                <LevelBadge ctx={ctx} level={l.level} />
              </a>
            </th>
            <td class="num">{l.count}</td>
            <AreaCell m2={l.areaM2} />
            <td class="num">{l.feeWan === null ? "—" : l.feeWan.toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A pager with first, previous and next links (keyset cursors in the URL). */
function IdlePager(props: {
  ctx: PageCtx;
  label: string;
  first: string | null;
  prev: string | null;
  next: string | null;
}) {
  const { ctx } = props;
  if (!props.first && !props.prev && !props.next) return null;
  return (
    <nav class="pager" aria-label={props.label}>
      {props.first && <a href={props.first}>{ctx.t("common.first")}</a>}
      {props.prev && (
        <a href={props.prev} rel="prev">
          {ctx.t("idle.prev")}
        </a>
      )}
      {props.next && (
        <a href={props.next} rel="next">
          {ctx.t("common.next")}
        </a>
      )}
    </nav>
  );
}

/** `/idle-land`: supplied-but-unused and idle land as of D (docs/PRODUCT.md §6). */
export function IdleLandPage(props: { ctx: PageCtx; d: Idle; towns: TownChoice[] }) {
  const { ctx, d } = props;
  const paged = d.prev !== null || d.next !== null;
  const late = d.lateNext !== null || d.lateCursor !== null;
  return (
    <Layout ctx={ctx} title={ctx.t("idle.title")}>
      <h1>{ctx.t("idle.heading", { asOf: d.asOf })}</h1>
      <Filters ctx={ctx} d={d} towns={props.towns} />
      <Rates ctx={ctx} d={d} />
      <Totals ctx={ctx} d={d} />
      <h2>{ctx.t("idle.warnings")}</h2>
      {d.warnings.map((w) => (
        <>
          <Parcels ctx={ctx} items={w.items} caption={ctx.t("idle.withinCount", { days: w.days, n: w.count })} />
          {w.count > w.items.length && (
            <p>
              <a href={idleHref({ ...d, warning: w.days, level: null }, {}, "#list")}>
                {ctx.t("idle.allN", { n: w.count })}
              </a>
            </p>
          )}
        </>
      ))}
      <h2 id="list">{ctx.t("idle.all")}</h2>
      <Parcels ctx={ctx} items={d.items} caption={ctx.t("idle.allCaption", { n: d.total })} />
      <IdlePager
        ctx={ctx}
        label={ctx.t("idle.pager")}
        first={paged && d.prev ? idleHref(d, {}, "#list") : null}
        prev={d.prev ? idleHref(d, { before: idleCursorParam(d.prev) }, "#list") : null}
        next={d.next ? idleHref(d, { cursor: idleCursorParam(d.next) }, "#list") : null}
      />
      <h2 id="late">{ctx.t("idle.lateCompletion")}</h2>
      {d.overdueCompletion.length ? (
        <div class="table-wrap">
          <table>
            <caption>{ctx.t("idle.lateCaption", { n: d.overdueCompletionTotal })}</caption>
            <thead>
              <tr>
                {["parcel.code", "parcel.town", "idle.agreedCompletion"].map((k) => (
                  <th scope="col">{ctx.t(k)}</th>
                ))}
                <th scope="col" class="num">
                  {ctx.t("idle.lateDays")}
                </th>
                <th scope="col" class="num">
                  {ctx.t("dig.areaMuHa")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.overdueCompletion.map((p) => (
                <tr>
                  <td>
                    <a href={`/parcels/${p.id}`}>{p.code}</a>
                  </td>
                  <td>{p.town}</td>
                  <td>{p.agreedCompletionOn}</td>
                  <td class="num bad">{p.daysLate}</td>
                  <AreaCell m2={p.areaM2} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty">{ctx.t("idle.noLate")}</p>
      )}
      {late && (
        <nav class="pager" aria-label={ctx.t("idle.latePager")}>
          {d.lateCursor && <a href={idleHref(d, {}, "#late")}>{ctx.t("common.first")}</a>}
          {d.lateNext && (
            <a href={idleHref(d, { lateCursor: lateCursorParam(d.lateNext) }, "#late")} rel="next">
              {d.lateCursor ? ctx.t("common.next") : ctx.t("idle.allN", { n: d.overdueCompletionTotal })}
            </a>
          )}
        </nav>
      )}
    </Layout>
  );
}
