import { Hono } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { roleHintOf, setRoleHint } from "../http/cookies";
import { HomePage } from "../../views/home/page";
import { pageCtx } from "../../views/page-context";
import { dayWork, headline, homeReads, ownResults, readOwn, ROLES } from "./work";

// 首页 the home page: the chain strip and the day's work for the user's role, read with the session in one
// D1 round trip: the reads of the role the browser's hint names (every role's without one), the role itself
// the session's. A hint naming another role (the user's role was changed, or the cookie was) costs a second
// round trip for the right reads, and is put right.
export const homePages = new Hono<AppEnv>().get("/", async (c) => {
  const ask = { today: c.get("today"), now: c.get("now"), sessionId: c.get("sessionId") ?? "" };
  const hint = ROLES.find((r) => r === roleHintOf(c));
  const roles = hint ? [hint] : ROLES;
  const { user, db, results } = await authorize(c, (db) => homeReads(db, ask, roles));
  const [totals, ...rest] = results;
  const own = ownResults(db, ask, roles, rest, user.role) ?? (await readOwn(db, ask, user.role));
  if (hint !== user.role) setRoleHint(c, user.role);
  return c.html(<HomePage ctx={pageCtx(c)} totals={totals} work={dayWork(own, ask.today)} headline={headline(own)} />);
});
