import { z } from "zod";
import { areaInput, isoDate, MULTILINE, optionalText, text } from "./fields";

// 农转用批次 land-conversion batch (docs/PRODUCT.md §4): its kinds.
export const BATCH_KINDS = [
  "urban", // 城镇批次
  "standalone", // 单独选址
  "linked", // 增减挂钩
] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

/** The area fields of a batch, in form order; each is an area input `{value, unit}` (docs/PRODUCT.md §9). */
export const BATCH_AREAS = [
  "totalArea",
  "agriculturalArea",
  "cultivatedArea",
  "unusedArea",
  "newConstructionArea",
] as const;

/**
 * A new batch. A batch registered before its approval has neither doc no. nor date (the approval
 * form fills them); a historical batch is registered with both. Areas other than the total are
 * optional, since not every approval document states them.
 */
export const batchInput = z
  .object({
    name: text(200),
    kind: z.enum(BATCH_KINDS),
    authority: optionalText(50),
    docNo: optionalText(100),
    approvedOn: z.preprocess((v) => (v === "" ? undefined : v), isoDate.optional()),
    totalArea: areaInput,
    agriculturalArea: areaInput.optional(),
    cultivatedArea: areaInput.optional(),
    unusedArea: areaInput.optional(),
    newConstructionArea: areaInput.optional(),
    note: optionalText(500, MULTILINE),
  })
  // Doc no. and date come as a pair; checked even when other fields failed, so a form shows every problem at once.
  .superRefine(
    (v, ctx) => {
      const has = (x: unknown) => typeof x === "string" && x.trim() !== "";
      if (has(v.approvedOn) && !has(v.docNo))
        ctx.addIssue({ code: "custom", path: ["docNo"], message: "batch_doc_no_with_date" });
      if (has(v.docNo) && !has(v.approvedOn))
        ctx.addIssue({ code: "custom", path: ["approvedOn"], message: "batch_date_with_doc_no" });
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  )
  .superRefine((v, ctx) => {
    // 耕地 is part of 农用地; every part is part of the total.
    if (v.cultivatedArea !== undefined && v.agriculturalArea !== undefined && v.cultivatedArea > v.agriculturalArea)
      ctx.addIssue({ code: "custom", path: ["cultivatedArea"], message: "batch_cultivated_over_agricultural" });
    for (const k of ["agriculturalArea", "cultivatedArea", "unusedArea", "newConstructionArea"] as const) {
      const part = v[k];
      if (part !== undefined && part > v.totalArea)
        ctx.addIssue({ code: "custom", path: [k], message: "batch_part_over_total" });
    }
    const { agriculturalArea: agri, unusedArea: unused } = v;
    if (
      agri !== undefined &&
      unused !== undefined &&
      agri <= v.totalArea &&
      unused <= v.totalArea &&
      agri + unused > v.totalArea
    )
      ctx.addIssue({ code: "custom", path: ["unusedArea"], message: "batch_parts_over_total" });
  });
export type BatchInput = z.infer<typeof batchInput>;

/** Approving a batch (docs/PRODUCT.md §9): the approval document and its date. */
export const approvalInput = z.object({ docNo: text(100), date: isoDate });
export type ApprovalInput = z.infer<typeof approvalInput>;
