import { Hono } from "hono";
import { CHOICES_SHOWN, choiceId, choiceSearch } from "../domain/choices";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { batchChoiceQuery, batchChoicesQuery } from "./queries";
import { ChoiceOptions } from "../../views/components/choice-picker";
import { pageCtx } from "../../views/page-context";

/**
 * `GET /batches/choices?batchQ=&batchId=`: the options of a parcel form's batch picker as its search input asks for
 * them while typing (htmx, hx-include of the select), named as the form names them: the blank choice, the chosen
 * batch, up to 30 batches whose name holds the text, and the hint beside the select (swapped out of band).
 */
export const batchChoicePages = new Hono<AppEnv>().get("/choices", async (c) => {
  const search = choiceSearch(c.req.query("batchQ"));
  const {
    results: [matches, [chosen]],
  } = await authorize(c, (db) => [
    batchChoicesQuery(db, search, CHOICES_SHOWN + 1),
    batchChoiceQuery(db, choiceId(c.req.query("batchId"))),
  ]);
  const list = { search, matches, chosen: chosen ?? null };
  return c.html(<ChoiceOptions ctx={pageCtx(c)} kind="batch" list={list} oob />);
});
