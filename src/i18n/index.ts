import { common } from "./common";
import { parcels } from "./parcels";
import { parcelPages } from "./parcel-pages";
import { parcelList } from "./parcel-list";
import { security } from "./security";
import { batches } from "./batches";
import { delays } from "./delays";
import { digestion } from "./digestion";
import { projects } from "./projects";
import { targets } from "./targets";
import { idleLand } from "./idle-land";
import { reviews } from "./reviews";
import { imports } from "./imports";
import { towns } from "./towns";
import { parcelEdit } from "./parcel-edit";
import { choices } from "./choices";

export type Lang = "zh-CN" | "en";
/** A catalogue part: key → [中文, English]. `{name}` placeholders are filled from params. */
export type Catalogue = Record<string, readonly [string, string]>;

// Each feature keeps its own part; a duplicate key would silently shadow, so parts must not overlap.
const CATALOGUE: Catalogue = {
  ...common,
  ...parcels,
  ...parcelPages,
  ...parcelList,
  ...security,
  ...batches,
  ...delays,
  ...digestion,
  ...projects,
  ...targets,
  ...idleLand,
  ...reviews,
  ...imports,
  ...towns,
  ...parcelEdit,
  ...choices,
};

/** The message for `key` in `lang`; an unknown key shows itself so a gap is visible, never blank. */
export function t(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const entry = CATALOGUE[key];
  let text = entry ? entry[lang === "en" ? 1 : 0] : key;
  if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, () => String(v));
  return text;
}

/** `?lang=en` wins, then a `lang` cookie, then Accept-Language; Chinese by default. */
export function pickLang(
  query: string | undefined,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Lang {
  for (const v of [query, cookie]) {
    if (v === "en") return "en";
    if (v === "zh-CN" || v === "zh") return "zh-CN";
  }
  const first = (acceptLanguage ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}
