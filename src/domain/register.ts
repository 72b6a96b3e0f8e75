import { z } from "zod";
import { areaWithUnit, code, isoDate, LAND_USES, MULTILINE, ORIGINS, optionalText, positiveId, text } from "./fields";

/** The officer's "面积已核对无误" tick: true (JSON) or the checkbox's value. */
const confirmation = z.preprocess((v) => (v === "on" || v === "1" ? true : v), z.boolean().optional());

/** Registration of a parcel (docs/PRODUCT.md §3 `planned`, or `reserved` for state-owned stock). */
export const registerInput = z
  .object({
    code: code(50),
    name: text(200),
    // One of the towns list's names; the write checks it against the list (src/towns).
    town: text(50),
    landUse: z.enum(LAND_USES),
    origin: z.enum(ORIGINS),
    area: areaWithUnit,
    batchId: positiveId.optional(),
    projectId: positiveId.optional(),
    state: z.enum(["planned", "reserved"]).optional(),
    date: isoDate.optional(),
    reserveNo: optionalText(100),
    note: optionalText(500, MULTILINE),
    confirmArea: confirmation,
  })
  .superRefine((v, ctx) => {
    if (v.state !== "reserved") return;
    if (v.origin !== "state") ctx.addIssue({ code: "custom", path: ["state"], message: "register_state" });
    if (!v.date) ctx.addIssue({ code: "custom", path: ["date"], message: "required" });
    if (!v.reserveNo) ctx.addIssue({ code: "custom", path: ["reserveNo"], message: "required" });
  });
export type RegisterInput = z.infer<typeof registerInput>;

/** The registration fields an edit may change; dates and document numbers belong to moves. */
export const EDITABLE_FIELDS = ["name", "town", "landUse", "origin", "area", "batchId", "projectId"] as const;

/** Registration fields an edit changes (`PATCH`), with the version it was made against and the reason (required). */
export const editInput = z
  .object({
    version: z.number().int().positive(),
    name: text(200).optional(),
    town: text(50).optional(),
    landUse: z.enum(LAND_USES).optional(),
    origin: z.enum(ORIGINS).optional(),
    area: areaWithUnit.optional(),
    batchId: positiveId.nullable().optional(),
    projectId: positiveId.nullable().optional(),
    reason: text(500, MULTILINE),
    confirmArea: confirmation,
  })
  .refine((v) => EDITABLE_FIELDS.some((k) => v[k] !== undefined), {
    message: "nothing_to_edit",
    path: ["_"],
  });
export type EditInput = z.infer<typeof editInput>;
