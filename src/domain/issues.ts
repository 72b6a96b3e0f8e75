import type { z } from "zod";

/** One problem with one input field; `code` is a message-catalogue key, `params` fill it in. */
export type Issue = { path: string; code: string; params?: Record<string, string | number> };

/** Maps zod's issues (parsed with `reportInput: true`) onto catalogue codes. */
export function issuesFromZod(error: z.ZodError): Issue[] {
  return error.issues.map((i): Issue => {
    const path = i.path.map(String).join(".") || "_";
    const input = (i as { input?: unknown }).input;
    switch (i.code) {
      case "invalid_type":
        return { path, code: input === undefined || input === null ? "required" : "invalid_type" };
      case "too_small":
        if (i.origin === "string" && Number(i.minimum) <= 1) return { path, code: "required" };
        return { path, code: i.origin === "string" ? "too_short" : "too_small", params: { min: Number(i.minimum) } };
      case "too_big":
        return { path, code: i.origin === "string" ? "too_long" : "too_big", params: { max: Number(i.maximum) } };
      case "invalid_value":
        // A choice left blank is missing, not a wrong choice.
        return { path, code: input === undefined || input === null ? "required" : "invalid_choice" };
      case "custom": {
        const params = (i as { params?: Record<string, string | number> }).params;
        return params ? { path, code: i.message, params } : { path, code: i.message };
      }
      default:
        return { path, code: "invalid_format" };
    }
  });
}

type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Parses with a shared schema; a refusal comes back as catalogue issues, never as a thrown error. */
export function parseWith<T>(schema: z.ZodType<T>, body: unknown): Parsed<T> {
  const r = schema.safeParse(body, { reportInput: true });
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: issuesFromZod(r.error) };
}
