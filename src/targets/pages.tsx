import { Hono, type Context } from "hono";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { authorize } from "../http/authorize";
import type { AnnualTarget } from "../db/schema";
import { muRounded } from "../domain/area";
import { compact, fieldErrors, number, readForm, type FormValues } from "../http/form";
import { t } from "../i18n";
import { emptyForm, type FormScope } from "../../views/components/field";
import { pageCtx } from "../../views/page-context";
import { TargetsPage } from "../../views/targets/page";
import { targetHistoryQuery, targetsQuery } from "./queries";
import { saveTarget } from "./writes";

const FIELDS = ["year", "digestionAreaMu", "startRatePct", "completionRatePct"];

const targetBody = (f: FormValues) =>
  compact({
    year: number(f.year),
    digestionAreaMu: number(f.digestionAreaMu, "mu"),
    startRatePct: number(f.startRatePct),
    completionRatePct: number(f.completionRatePct),
    version: number(f.version),
  });

async function render(c: Context<AppEnv>, f: (targets: AnnualTarget[]) => FormScope, status: 200 | 409 | 422) {
  const {
    results: [targets, history],
  } = await authorize(c, (db) => [targetsQuery(db), targetHistoryQuery(db)]);
  return c.html(<TargetsPage ctx={pageCtx(c)} targets={targets} history={history} f={f(targets)} />, status);
}

// 年度目标 (admin): the page with its form (?year= fills it from that year's row) and the form's post.
export const targetPages = new Hono<AppEnv>()
  .get("/targets", (c) =>
    render(
      c,
      (targets) => {
        const row = targets.find((x) => String(x.year) === c.req.query("year"));
        if (!row) return emptyForm("tg", { startRatePct: "100", completionRatePct: "90" });
        return emptyForm("tg", {
          year: String(row.year),
          digestionAreaMu: muRounded(row.digestionM2).toFixed(2),
          startRatePct: String(row.startRatePct),
          completionRatePct: String(row.completionRatePct),
          version: String(row.version),
        });
      },
      200,
    ),
  )
  .post("/targets", async (c) => {
    const values = await readForm(c);
    const { user, db } = await authorize(c);
    const r = await saveTarget(db, targetBody(values), actorOf(c, user));
    if (r.ok) return c.redirect("/admin/targets", 303);
    const errors =
      r.status === 409
        ? { _: t(c.get("lang"), "error.version_conflict") }
        : fieldErrors(c.get("lang"), r.issues ?? [], FIELDS);
    return render(c, () => ({ id: "tg", values, errors }), r.status);
  });
