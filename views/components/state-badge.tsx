import type { PageCtx } from "../page-context";

/** A state as a word plus a colour, never colour alone. */
export function StateBadge(props: { ctx: PageCtx; state: string }) {
  return <span class={`badge s-${props.state}`}>{props.ctx.t(`state.${props.state}`)}</span>;
}
