import type { Context } from "hono";
import { ceilingM2Of } from "../domain/plausibility";
import type { AppEnv } from "../env";
import type { ParcelChecks } from "./writes";

/** What a registration or edit is checked against: the active towns (read in the authorize batch) and the configured ceiling. */
export const parcelChecks = (c: Context<AppEnv>, activeTowns: readonly { name: string }[]): ParcelChecks => ({
  towns: activeTowns.map((t) => t.name),
  ceilingM2: ceilingM2Of(c.env.PARCEL_AREA_CEILING_HA),
});
