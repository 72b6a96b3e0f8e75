import { countText, haText, muText } from "../components/figures";
import { CHAIN_STATES } from "../../src/domain/chain";
import { Layout } from "../layout";
import type { PageCtx } from "../page-context";

type Total = { state: string; count: number; areaM2: number };

/** Home: the chain strip — count and area in every state, each linking to its parcels. */
export function HomePage(props: { ctx: PageCtx; totals: Total[] }) {
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
    </Layout>
  );
}
