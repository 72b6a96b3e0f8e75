import { z } from "zod";
import { isoDate, optionalText, positiveId, text } from "./fields";
import { MILESTONES } from "./schedule";

// 重大项目 major projects and their 问题清单 (docs/PRODUCT.md §7, §9): the inputs the API and the forms share.

/** 省重点 / 市重点 / 区重点 / 一般. */
export const PROJECT_CATEGORIES = ["provincial", "municipal", "district", "general"] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];
export const PROBLEM_STATUSES = ["open", "resolved"] as const;

const version = z.number().int().positive();
// Targets a year 2000…2100: a schedule across a century means a typo, and the calendar is unbounded.
const targetDate = isoDate.refine((d) => d >= "2000-01-01" && d <= "2100-12-31", { message: "date_out_of_range" });

/** Completion may not come before start; checked even when other fields failed, so a form shows all at once. */
function orderedTargets(v: { targetStartOn?: unknown; targetCompletionOn?: unknown }, ctx: z.RefinementCtx) {
  const [s, e] = [v.targetStartOn, v.targetCompletionOn];
  if (typeof s === "string" && typeof e === "string" && e < s)
    ctx.addIssue({ code: "custom", path: ["targetCompletionOn"], message: "completion_before_start" });
}
const isObject = (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null;

export const projectInput = z
  .object({
    name: text(200),
    owner: text(100),
    category: z.enum(PROJECT_CATEGORIES),
    leader: text(50),
    department: text(100),
    town: optionalText(50),
    sitingDocNo: optionalText(100),
    sitingOn: z.preprocess((v) => (v === "" ? undefined : v), isoDate.optional()),
    targetStartOn: targetDate,
    targetCompletionOn: targetDate,
  })
  .superRefine(orderedTargets, { when: isObject });
export type ProjectInput = z.infer<typeof projectInput>;

/** A re-plan: new targets, a required reason, the version read. */
export const replanInput = z
  .object({ targetStartOn: targetDate, targetCompletionOn: targetDate, reason: text(500), version })
  .superRefine(orderedTargets, { when: isObject });

export const problemInput = z.object({
  text: text(500),
  milestone: z.enum(MILESTONES),
  unit: text(100),
  owner: text(50),
  dueOn: z.preprocess((v) => (v === "" ? undefined : v), isoDate.nullable().optional()),
});

/** A problem's change: any field, status and resolution, with the version read. Resolving needs a resolution. */
export const problemPatch = z
  .object({
    text: text(500).optional(),
    milestone: z.enum(MILESTONES).optional(),
    unit: text(100).optional(),
    owner: text(50).optional(),
    dueOn: z.preprocess((v) => (v === "" ? null : v), isoDate.nullable().optional()),
    status: z.enum(PROBLEM_STATUSES).optional(),
    resolution: optionalText(500),
    version,
  })
  .superRefine(
    (v, ctx) => {
      if (v.status === "resolved" && !v.resolution)
        ctx.addIssue({ code: "custom", path: ["resolution"], message: "resolution_required" });
    },
    { when: isObject },
  );

/** Joining a parcel to the project (by its 宗地编号) or letting it leave. */
export const joinInput = z.object({ code: text(50) });
export const leaveInput = z.object({ parcelId: positiveId });
