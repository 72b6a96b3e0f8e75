/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";

// The by-feature layout, read from the code's own imports (docs/ARCHITECTURE.md explains it):
// a feature folder under src/ imports from itself, the shared folders and views/, and from another
// feature only through that feature's queries.ts; the shared folders never import a feature.
const SHARED = new Set(["domain", "http", "db", "i18n"]);
// src/app.tsx composes the features, src/index.ts exports the Worker, src/env.ts holds the types.
const ROOT = new Set(["app.tsx", "index.ts", "env.ts", "app", "index", "env"]);

const sources = import.meta.glob(["../../src/**/*.ts", "../../src/**/*.tsx"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

/** "src/parcels/api.ts" for the glob key "../../src/parcels/api.ts". */
const repoPath = (key: string) => key.replace(/^(\.\.\/)+/, "");

function resolve(from: string, spec: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const seg of spec.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** The relative imports of a file: [target path without extension, type-only?]. */
export function importsOf(path: string, text: string): { target: string; typeOnly: boolean }[] {
  return [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+"(\.[^"]+)"/gms)].map((m) => ({
    target: resolve(path, m[3]),
    typeOnly: Boolean(m[2]),
  }));
}

/** Why `from` may not import `target`, or null when the layout allows it. */
export function layoutProblem(from: string, target: string, typeOnly: boolean): string | null {
  const [, area] = from.split("/");
  const [top, to] = target.split("/");
  if (top !== "src") return top === "views" ? null : `${from} reaches outside src/ and views/: ${target}`;
  if (ROOT.has(area) || ROOT.has(to)) return null;
  if (SHARED.has(area)) {
    if (SHARED.has(to))
      return area === "domain" && to !== "domain" && !(typeOnly && target === "src/db/schema")
        ? `domain/ is pure: ${from} imports ${target}`
        : null;
    return `${from} (shared) imports the feature ${to}: shared folders never depend on a feature`;
  }
  if (to === area || SHARED.has(to)) return null;
  return target === `src/${to}/queries`
    ? null
    : `${from} imports ${target}: another feature only through src/${to}/queries.ts`;
}

describe("the by-feature layout", () => {
  it("reads the source tree", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(40);
  });

  it("holds for every import under src/", () => {
    const problems: string[] = [];
    for (const [key, text] of Object.entries(sources)) {
      const from = repoPath(key);
      for (const { target, typeOnly } of importsOf(from, text)) {
        const problem = layoutProblem(from, target, typeOnly);
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
  });

  it("refuses a cross-feature import of another feature's writes, pages or forms", () => {
    const planted = 'import { moveParcel } from "../parcels/writes";\nimport { parcelPages } from "../parcels/pages";';
    const found = importsOf("src/batches/api.ts", planted).map((i) =>
      layoutProblem("src/batches/api.ts", i.target, i.typeOnly),
    );
    expect(found).toEqual([
      "src/batches/api.ts imports src/parcels/writes: another feature only through src/parcels/queries.ts",
      "src/batches/api.ts imports src/parcels/pages: another feature only through src/parcels/queries.ts",
    ]);
    expect(layoutProblem("src/batches/api.ts", "src/parcels/queries", false)).toBeNull();
    expect(layoutProblem("src/http/policy.ts", "src/parcels/queries", false)).toMatch(
      /shared folders never depend on a feature/,
    );
    expect(layoutProblem("src/domain/chain.ts", "src/http/respond", false)).toMatch(/domain\/ is pure/);
  });
});
