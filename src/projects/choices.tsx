import { Hono } from "hono";
import { CHOICES_SHOWN, choiceId, choiceSearch } from "../domain/choices";
import type { AppEnv } from "../env";
import { authorize } from "../http/authorize";
import { projectNameChoiceQuery, projectNameChoicesQuery } from "./queries";
import { ChoiceOptions } from "../../views/components/choice-picker";
import { pageCtx } from "../../views/page-context";

/**
 * `GET /projects/choices?projectQ=&projectId=`: the options of the parcel edit form's project picker as its search
 * input asks for them while typing (htmx): the blank choice, the chosen project, up to 30 projects whose name holds
 * the text, newest first, and the hint beside the select (swapped out of band).
 */
export const projectChoicePages = new Hono<AppEnv>().get("/choices", async (c) => {
  const search = choiceSearch(c.req.query("projectQ"));
  const {
    results: [matches, [chosen]],
  } = await authorize(c, (db) => [
    projectNameChoicesQuery(db, search, CHOICES_SHOWN + 1),
    projectNameChoiceQuery(db, choiceId(c.req.query("projectId"))),
  ]);
  const list = { search, matches, chosen: chosen ?? null };
  return c.html(<ChoiceOptions ctx={pageCtx(c)} kind="project" list={list} oob />);
});
