import type { PageCtx } from "../page-context";

/** A milestone or project status as a word plus a colour (m-done green, m-at_risk amber, m-overdue red). */
export function StatusBadge(props: { ctx: PageCtx; status: string }) {
  return <span class={`badge m-${props.status}`}>{props.ctx.t(`mstatus.${props.status}`)}</span>;
}

/** The Chinese notice for plans that fall in a year whose holiday arrangement is not yet published. */
export function ProvisionalNotice(props: { ctx: PageCtx; years: number[] }) {
  if (!props.years.length) return null;
  return (
    <p class="notice warn" role="note">
      {props.ctx.t("project.provisional", { years: props.years.join("、") })}
    </p>
  );
}
