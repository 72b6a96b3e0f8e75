import { grouped } from "../components/figures";
import type { Idle } from "../../src/idle-land/figures";
import { IDLE_LEVELS, type IdleLevel } from "../../src/domain/idle-land";
import { DISTRICT_TOWNS } from "../../src/domain/towns";
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

function Filters(props: { ctx: PageCtx; d: Idle }) {
  const { ctx, d } = props;
  const f = emptyForm("idle", { asOf: d.asOf, level: d.level ?? "", town: d.town ?? "" });
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
      <Field f={f} name="town" label={ctx.t("parcel.town")}>
        <Select f={f} name="town" placeholder={ctx.t("common.all")} options={DISTRICT_TOWNS.map((t) => [t, t])} />
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

/** `/idle-land`: supplied-but-unused and idle land as of D (docs/PRODUCT.md §6). */
export function IdleLandPage(props: { ctx: PageCtx; d: Idle }) {
  const { ctx, d } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("idle.title")}>
      <h1>{ctx.t("idle.heading", { asOf: d.asOf })}</h1>
      <Filters ctx={ctx} d={d} />
      <Rates ctx={ctx} d={d} />
      <h2>{ctx.t("idle.warnings")}</h2>
      {d.warnings.map((w) => (
        <Parcels ctx={ctx} items={w.items} caption={ctx.t("idle.within", { days: w.days })} />
      ))}
      <h2>{ctx.t("idle.all")}</h2>
      <Parcels ctx={ctx} items={d.items} caption={ctx.t("idle.allCaption", { n: d.items.length })} />
      <h2>{ctx.t("idle.lateCompletion")}</h2>
      {d.overdueCompletion.length ? (
        <div class="table-wrap">
          <table>
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
    </Layout>
  );
}
