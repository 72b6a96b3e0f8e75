import { z } from "zod";
import { code, isoDate, LAND_USES, MULTILINE, ORIGINS, optionalText, positiveId, text, areaInput } from "./fields";

/** Registration of a parcel (docs/PRODUCT.md §3 `planned`, or `reserved` for state-owned stock). */
export const registerInput = z
  .object({
    code: code(50),
    name: text(200),
    town: text(50),
    landUse: z.enum(LAND_USES),
    origin: z.enum(ORIGINS),
    area: areaInput,
    batchId: positiveId.optional(),
    projectId: positiveId.optional(),
    state: z.enum(["planned", "reserved"]).optional(),
    date: isoDate.optional(),
    reserveNo: optionalText(100),
    note: optionalText(500, MULTILINE),
  })
  .superRefine((v, ctx) => {
    if (v.state !== "reserved") return;
    if (v.origin !== "state") ctx.addIssue({ code: "custom", path: ["state"], message: "register_state" });
    if (!v.date) ctx.addIssue({ code: "custom", path: ["date"], message: "required" });
    if (!v.reserveNo) ctx.addIssue({ code: "custom", path: ["reserveNo"], message: "required" });
  });
export type RegisterInput = z.infer<typeof registerInput>;

/** Registration fields an edit may change (`PATCH`), with the version it was made against. */
export const editInput = z
  .object({
    version: z.number().int().positive(),
    name: text(200).optional(),
    town: text(50).optional(),
    landUse: z.enum(LAND_USES).optional(),
    area: areaInput.optional(),
    batchId: positiveId.nullable().optional(),
    projectId: positiveId.nullable().optional(),
    note: optionalText(500, MULTILINE),
  })
  .refine((v) => Object.keys(v).some((k) => k !== "version" && k !== "note"), {
    message: "nothing_to_edit",
    path: ["_"],
  });
export type EditInput = z.infer<typeof editInput>;
