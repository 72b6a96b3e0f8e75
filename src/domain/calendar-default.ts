import data from "chinese-days/dist/chinese-days.json";
import { calendarFromChineseDays } from "./calendar-chinese-days";

// The years chinese-days 1.5.7 publishes (docs/PRODUCT.md §12). Fixed here, not read from the data: a package
// upgrade that adds 2027 must be a reviewed change of this line, not a silent one.
export const CHINESE_DAYS_YEARS = { from: 2004, to: 2026 } as const;

/** The default calendar: the package's official arrangements for 2004–2026, every other year provisional. */
export const DEFAULT_CALENDAR = calendarFromChineseDays(data, CHINESE_DAYS_YEARS);
