import type { LapseLevel } from "../../src/domain/lapse";
import type { PageCtx } from "../page-context";

/** An approval-lapse level as a word plus a colour (amber soon, red lapsed); nothing when none. */
export function LapseBadge(props: { ctx: PageCtx; level: LapseLevel | null }) {
  if (!props.level) return null;
  return (
    <span class={`badge ${props.level === "lapsed" ? "bad" : "warn"}`}>{props.ctx.t(`lapse.${props.level}`)}</span>
  );
}
