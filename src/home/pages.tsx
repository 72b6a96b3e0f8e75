import { Hono } from "hono";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { HomePage } from "../../views/home/page";
import { pageCtx } from "../../views/page-context";
import { dayWork, headline, homeReads } from "./work";

// 首页 the home page: the chain strip and the day's work for the user's role, read with the session in one
// D1 round trip.
export const homePages = new Hono<AppEnv>().get("/", async (c) => {
  // "Your moves" name the session's user inside their statement: the user is read in this same batch.
  const { user, results } = await authorize(c, (db) =>
    homeReads(db, c.get("today"), c.get("now"), c.get("sessionId") ?? ""),
  );
  return c.html(
    <HomePage
      ctx={pageCtx(c)}
      totals={results[0]}
      work={dayWork(user, c.get("today"), results)}
      headline={user.role === "viewer" ? headline(results) : null}
    />,
  );
});
