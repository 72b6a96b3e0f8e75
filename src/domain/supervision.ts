import { z } from "zod";

// 电子监管号 (issue 10 §10): the number the national land-market supervision system gives a supply. Two forms:
//   16 characters for a supply contract: 6-digit region code, 4-digit year, a letter, a 5-digit serial
//     (3304022023A00123);
//   19 characters for an approval record: 6-digit region code, 4-digit year, a letter, an 8-digit serial
//     (3304022023B00000123).
// Full-width characters are read as their plain forms, a lowercase letter as its capital.

const CONTRACT = /^\d{6}(19|20)\d{2}[A-Z]\d{5}$/;
const RECORD = /^\d{6}(19|20)\d{2}[A-Z]\d{8}$/;

/** True when `v` (already normalised) is one of the two forms. */
export const isSupervisionNo = (v: string) => CONTRACT.test(v) || RECORD.test(v);

/** The optional 电子监管号 of a supply: blank is absent; otherwise one of the two forms, or refused saying so. */
export const supervisionNo = z.preprocess(
  (v) => (typeof v === "string" ? v.normalize("NFKC").trim().toUpperCase() || undefined : v),
  z
    .string()
    .superRefine((v, ctx) => {
      if (!isSupervisionNo(v))
        ctx.addIssue({ code: "custom", message: "supervision_no_format", params: { length: [...v].length } });
    })
    .optional(),
);
