import type { Lang } from "../i18n";
import { t } from "../i18n";
import type { Cell, Col } from "./tables";

// A table cell as the page and the CSV write it: the same text in both, so a download reads as the page.

const CODE_KEY: Partial<Record<Col["kind"], string>> = {
  state: "state.",
  status: "mstatus.",
  level: "idle.level.",
  change: "rev.change.",
  rate: "rev.rate.",
};

/** The cell's text: 亩 with two decimals, shares as percentages with one, codes in words, nothing as "—". */
export function cellText(lang: Lang, col: Col, v: Cell): string {
  if (v === null || v === undefined) return "—";
  switch (col.kind) {
    case "mu":
      return Number(v).toFixed(2);
    case "pct":
      return `${(Number(v) * 100).toFixed(1)}%`;
    case "flag":
      return v ? t(lang, `rev.flag.${col.key}`) : "";
    default: {
      const prefix = CODE_KEY[col.kind];
      return prefix ? t(lang, `${prefix}${String(v)}`) : String(v);
    }
  }
}
