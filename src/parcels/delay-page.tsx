import { Hono } from "hono";
import type { AppEnv } from "../env";
import { actorOf } from "../http/actor";
import { fieldErrors, readForm } from "../http/form";
import { answer, readDetail } from "./detail";
import { delayBody } from "./form";
import { delayParcel } from "./delay";
import { NO_PICK } from "./picks";

const DELAY_FIELDS = ["cause", "docNo", "newAgreedStartOn", "date"];

// The parcel page's delay form post (政府原因延期): same write as the API, refusals beside the fields.
export const parcelDelayPages = new Hono<AppEnv>().post("/:id/delays", async (c) => {
  const values = await readForm(c);
  const read = await readDetail(c, NO_PICK);
  const r = await delayParcel(
    read.db,
    { parcel: read.parcel, seen: undefined },
    delayBody(values),
    actorOf(c, read.user),
  );
  return answer(c, read, r, (refused) => ({
    delay: { id: "delay", values, errors: fieldErrors(c.get("lang"), refused.issues ?? [], DELAY_FIELDS) },
  }));
});
