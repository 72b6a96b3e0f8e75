import type { PageCtx } from "../page-context";

const TABS: [string, string][] = [
  ["/admin/users", "admin.users.title"],
  ["/admin/security-log", "admin.log.title"],
  ["/admin/calendar", "cal.title"],
  ["/admin/durations", "dur.title"],
  ["/admin/lockouts", "admin.lock.title"],
  ["/admin/targets", "tg.title"],
  ["/admin/towns", "town.title"],
];

/** The admin pages, the current one marked. */
export function AdminTabs(props: { ctx: PageCtx }) {
  const { ctx } = props;
  return (
    <nav class="tabs" aria-label={ctx.t("admin.title")}>
      {TABS.map(([href, key]) => (
        <a href={href} aria-current={ctx.path === href ? "page" : undefined}>
          {ctx.t(key)}
        </a>
      ))}
    </nav>
  );
}
