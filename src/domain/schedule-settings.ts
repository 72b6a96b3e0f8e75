import { z } from "zod";
import { isIsoDate } from "./dates";
import { isWeekend } from "./calendar-provisional";
import { optionalText, text } from "./fields";
import { SEGMENT_MILESTONES } from "./schedule";

// The admin's inputs for the working-day calendar and the milestone durations (docs/PRODUCT.md §12).

/** Dates typed as a list: separated by white space, commas or 、. */
export const dateList = (v: unknown) => (typeof v === "string" ? v.split(/[\s,，、;；]+/).filter((d) => d !== "") : v);

/**
 * A year's arrangement as the State Council publishes it: rest days (放假) and make-up working days (调休上班).
 * Every date must be a real date of that year, none both, and a make-up day must fall on a weekend.
 */
export const calendarInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    holidays: z.preprocess(dateList, z.array(z.string()).min(1).max(60)),
    workdays: z.preprocess(dateList, z.array(z.string()).max(20)),
    note: text(200),
  })
  .superRefine(
    (v, ctx) => {
      for (const [field, list] of [
        ["holidays", v.holidays],
        ["workdays", v.workdays],
      ] as const)
        for (const d of list ?? []) {
          if (!isIsoDate(d) || Number(d.slice(0, 4)) !== v.year)
            ctx.addIssue({ code: "custom", path: [field], message: "calendar_date_not_in_year" });
          else if (field === "workdays" && !isWeekend(d))
            ctx.addIssue({ code: "custom", path: [field], message: "calendar_workday_not_weekend" });
        }
      if ((v.workdays ?? []).some((d) => (v.holidays ?? []).includes(d)))
        ctx.addIssue({ code: "custom", path: ["workdays"], message: "calendar_both" });
    },
    { when: (p) => typeof p.value === "object" && p.value !== null },
  );

export const durationInput = z.object({
  milestone: z.enum(SEGMENT_MILESTONES),
  days: z.number().int().min(0).max(1000),
  unit: z.enum(["working", "calendar"]),
  note: text(300),
  version: z.number().int().positive(),
  reason: optionalText(200),
});
