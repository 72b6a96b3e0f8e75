import { grouped, muText } from "../components/figures";
import type { Digestion } from "../../src/digestion/figures";
import { AGE_BUCKETS } from "../../src/domain/digestion";
import { emptyForm, Field, Input } from "../components/field";
import { BarChart } from "../components/bar-chart";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";
import { BurnDown } from "./burn-down";
import { digestionHref, WORK_LIST_ID, WorkList } from "./work-list";

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

/** Year and as-of pickers: a plain GET form; with htmx the page body swaps and the URL follows. */
function Pickers(props: { ctx: PageCtx; d: Digestion }) {
  const f = emptyForm("dig", { year: String(props.d.year), asOf: props.d.asOf });
  return (
    <form
      class="filters"
      method="get"
      action="/digestion"
      hx-get="/digestion"
      hx-target="main"
      hx-select="main"
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-trigger="change, submit"
    >
      <Field f={f} name="year" label={props.ctx.t("dig.year")}>
        <Input f={f} name="year" type="number" required />
      </Field>
      <Field f={f} name="asOf" label={props.ctx.t("dig.asOf")}>
        <Input f={f} name="asOf" type="date" required />
      </Field>
      <button type="submit">{props.ctx.t("dig.show")}</button>
    </form>
  );
}

/** Target, digested and remaining as a progress bar beside the share of the year gone. */
function Progress(props: { ctx: PageCtx; d: Digestion }) {
  const { ctx, d } = props;
  if (!d.target)
    return (
      <p class="notice">
        {ctx.t("dig.noTarget", { year: d.year })}{" "}
        {ctx.user?.role === "admin" && <a href="/admin/targets">{ctx.t("dig.setTarget")}</a>}
      </p>
    );
  const behind = d.progress !== null && d.progress < d.yearShareGone;
  return (
    <section aria-label={ctx.t("dig.progress")}>
      <p>
        {ctx.t("dig.progressLine", {
          target: muText(d.target.areaM2),
          digested: grouped(d.digested.areaMu, 2),
          remaining: d.remaining ? grouped(d.remaining.areaMu, 2) : "—",
        })}
      </p>
      <progress max="1" value={String(Math.min(1, d.progress ?? 0))} aria-label={ctx.t("dig.progress")}>
        {pct(d.progress)}
      </progress>{" "}
      <strong class={behind ? "bad" : "ok"}>
        {pct(d.progress)} {ctx.t(behind ? "dig.behind" : "dig.onTrack")}
      </strong>{" "}
      <span class="muted">{ctx.t("dig.yearGone", { share: pct(d.yearShareGone) })}</span>
      <p>
        {ctx.t("dig.pace", {
          pace: d.paceNeededM2PerWeek === null ? "—" : muText(d.paceNeededM2PerWeek),
          forecast: d.forecastOn ?? ctx.t("dig.notThisYear"),
        })}
      </p>
    </section>
  );
}

/** Batches shown in the page's chart: the largest by stock area, the others summed in one bar (the API lists all). */
export const BATCH_BARS = 30;
function batchBars(d: Digestion) {
  const byArea = [...d.byBatch].sort((a, b) => b.areaM2 - a.areaM2);
  if (byArea.length <= BATCH_BARS) return d.byBatch.map((b) => ({ ...b, rest: 0 }));
  const shown = new Set(byArea.slice(0, BATCH_BARS - 1));
  const others = d.byBatch.filter((b) => !shown.has(b));
  const sum = others.reduce((s, b) => ({ count: s.count + b.count, areaM2: s.areaM2 + b.areaM2 }), {
    count: 0,
    areaM2: 0,
  });
  return [
    ...d.byBatch.filter((b) => shown.has(b)).map((b) => ({ ...b, rest: 0 })),
    { batchId: null, name: null, ...sum, rest: others.length },
  ];
}

/** `/digestion`: 批而未供 digestion of year Y as of D (docs/PRODUCT.md §5). */
export function DigestionPage(props: { ctx: PageCtx; d: Digestion; paged: boolean }) {
  const { ctx, d } = props;
  const t = ctx.t;
  return (
    <Layout ctx={ctx} title={t("dig.title")}>
      <div class="page-head">
        <h1>{t("dig.heading", { year: d.year, asOf: d.asOf })}</h1>
        <a href={`/digestion/work-list.csv?year=${d.year}&asOf=${d.asOf}`} download>
          {t("dig.csv")}
        </a>
      </div>
      <Pickers ctx={ctx} d={d} />
      <Progress ctx={ctx} d={d} />
      <p>
        {t("dig.stockLine", {
          start: grouped(d.stockAtYearStart.areaMu, 2),
          startCount: d.stockAtYearStart.count,
          now: grouped(d.stockNow.areaMu, 2),
          nowCount: d.stockNow.count,
          digested: grouped(d.digested.areaMu, 2),
          digestedCount: d.digested.count,
        })}
      </p>
      {d.target && (
        <>
          <h2>{t("dig.burnDown")}</h2>
          <BurnDown ctx={ctx} weeks={d.burnDown} targetM2={d.target.areaM2} />
        </>
      )}
      <h2>{t("dig.byAge")}</h2>
      <BarChart
        ctx={ctx}
        title={t("dig.byAge")}
        labelHead={t("dig.age")}
        empty={t("dig.stockEmpty")}
        bars={
          d.stockNow.count
            ? AGE_BUCKETS.map((b, i) => ({
                label: t(`dig.age.${b}`),
                count: d.byAge[i].count,
                areaM2: d.byAge[i].areaM2,
              }))
            : []
        }
      />
      <h2>{t("dig.byTown")}</h2>
      <BarChart
        ctx={ctx}
        title={t("dig.byTown")}
        labelHead={t("parcel.town")}
        empty={t("dig.stockEmpty")}
        bars={d.byTown.map((x) => ({ label: x.town, count: x.count, areaM2: x.areaM2 }))}
      />
      <h2>{t("dig.byTownRanked")}</h2>
      <BarChart
        ctx={ctx}
        title={t("dig.byTownRanked")}
        labelHead={t("parcel.town")}
        empty={t("dig.stockEmpty")}
        bars={d.byTownRanked.map((x) => ({ label: x.town, count: x.count, areaM2: x.areaM2 }))}
      />
      <h2>{t("dig.byBatch")}</h2>
      <BarChart
        ctx={ctx}
        title={t("dig.byBatch")}
        labelHead={t("parcel.batch")}
        empty={t("dig.stockEmpty")}
        bars={batchBars(d).map((b) => ({
          label: b.rest ? t("dig.otherBatches", { n: b.rest }) : (b.name ?? t("dig.noBatch")),
          count: b.count,
          areaM2: b.areaM2,
          href: b.batchId === null ? undefined : `/batches/${b.batchId}`,
        }))}
      />
      <h2 id="work">{t("dig.workHeading")}</h2>
      <div id={WORK_LIST_ID}>
        <WorkList ctx={ctx} d={d} paged={props.paged} />
      </div>
      <p class="muted">
        <a href={digestionHref(d)}>{t("dig.permalink")}</a>
      </p>
    </Layout>
  );
}
