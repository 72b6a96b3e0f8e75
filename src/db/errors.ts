/**
 * True when `e` is D1 refusing a write for `constraint` ("UNIQUE", "FOREIGN KEY", "CHECK"). Drizzle wraps
 * D1's error in a "Failed query" error of its own, so the causes are read too.
 */
export function violates(e: unknown, constraint: "UNIQUE" | "FOREIGN KEY" | "CHECK"): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++)
    if (String((x as Error).message ?? x).includes(`${constraint} constraint failed`)) return true;
  return false;
}
