import type { PageCtx } from "../page-context";

/**
 * Keyset paging: "first", "previous" and "next" links. Plain links work without JS; with htmx they
 * swap only `target` and push the URL, so the back button and a shared link land on the same page.
 */
export function Pager(props: {
  ctx: PageCtx;
  label: string;
  firstHref: string | null;
  prevHref?: string | null;
  nextHref: string | null;
  target: string;
}) {
  const { ctx, target } = props;
  if (!props.firstHref && !props.prevHref && !props.nextHref) return null;
  const hx = (href: string) => ({ "hx-get": href, "hx-target": target, "hx-swap": "innerHTML", "hx-push-url": "true" });
  return (
    <nav class="pager" aria-label={props.label}>
      {props.firstHref && (
        <a href={props.firstHref} {...hx(props.firstHref)}>
          {ctx.t("common.first")}
        </a>
      )}
      {props.prevHref && (
        <a href={props.prevHref} rel="prev" {...hx(props.prevHref)}>
          {ctx.t("common.prev")}
        </a>
      )}
      {props.nextHref && (
        <a href={props.nextHref} rel="next" {...hx(props.nextHref)}>
          {ctx.t("common.next")}
        </a>
      )}
    </nav>
  );
}
