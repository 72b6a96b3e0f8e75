import { countText, haText, muText } from "../components/figures";
import { CHAIN_STATES } from "../../src/domain/chain";
import type { WorkItem } from "../../src/home/work";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";

type Total = { state: string; count: number; areaM2: number };
type Headline = {
  week: string;
  digestedMu: number;
  targetMu: number | null;
  progress: number | null;
  startRate: number | null;
  moves: number;
  late: number;
  corrections: number;
  turned: number;
};

const pct = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);

/** 今日工作: what the user's role has to do today, each item a link to where it is done. */
function DayWork(props: { ctx: PageCtx; work: WorkItem[]; headline: Headline | null }) {
  const { ctx, work, headline: h } = props;
  return (
    <section aria-labelledby="h-work">
      <h2 id="h-work">{ctx.t("home.work")}</h2>
      {h && (
        <dl class="headline" id="headline">
          <dt>{ctx.t("home.h.digested")}</dt>
          <dd>
            {h.digestedMu.toFixed(2)} {ctx.t("unit.mu")}
            {h.targetMu !== null && ` / ${h.targetMu.toFixed(2)}（${pct(h.progress)}）`}
          </dd>
          <dt>{ctx.t("home.h.startRate")}</dt>
          <dd>{pct(h.startRate)}</dd>
          <dt>{ctx.t("home.h.moves")}</dt>
          <dd>{ctx.t("home.h.movesValue", { moves: h.moves, late: h.late, corrections: h.corrections })}</dd>
          <dt>{ctx.t("home.h.turned")}</dt>
          <dd>{h.turned}</dd>
        </dl>
      )}
      {work.length ? (
        <ul class="work" id="work">
          {work.map((w) => (
            <li>
              <a href={w.href}>
                {ctx.t(w.key, "to" in w.params ? { ...w.params, to: ctx.t(`state.${w.params.to}`) } : w.params)}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{ctx.t("home.nothing")}</p>
      )}
    </section>
  );
}

/** Home: the chain strip — count and area in every state, each linking to its parcels. */
export function HomePage(props: { ctx: PageCtx; totals: Total[]; work: WorkItem[]; headline: Headline | null }) {
  const { ctx } = props;
  const byState = new Map(props.totals.map((t) => [t.state, t]));
  return (
    <Layout ctx={ctx} title={ctx.t("nav.home")}>
      <h1>{ctx.t("home.chain")}</h1>
      <ol class="chain" aria-label={ctx.t("home.chain")}>
        {CHAIN_STATES.map((state) => {
          const t = byState.get(state) ?? { count: 0, areaM2: 0 };
          return (
            <li>
              <a href={`/parcels?state=${state}`} class={`s-${state}`}>
                <div class="step">{ctx.t(`state.${state}`)}</div>
                <div class="count">{countText(t.count)}</div>
                <div class="area">
                  {muText(t.areaM2)} {ctx.t("unit.mu")} / {haText(t.areaM2)} {ctx.t("unit.ha")}
                </div>
              </a>
            </li>
          );
        })}
      </ol>
      <p class="muted">{ctx.t("home.hint")}</p>
      <DayWork ctx={ctx} work={props.work} headline={props.headline} />
    </Layout>
  );
}
