// Runs the project's own wrangler (the pinned one in node_modules) from the project root.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The pinned wrangler's CLI entry, run with this node. */
export const WRANGLER_BIN = join(
  dirname(createRequire(import.meta.url).resolve("wrangler/package.json")),
  "bin/wrangler.js",
);

/** Where the local D1 lives, as wrangler resolves it: `--persist-to` against the cwd, else .wrangler/state. */
export function persistDir(persistTo?: string): string {
  return persistTo ? resolve(process.cwd(), persistTo) : join(PROJECT_ROOT, ".wrangler/state");
}

/** `--persist-to <absolute dir>`, so wrangler and getPlatformProxy agree whatever the cwd. */
export const persistArgs = (persistTo?: string) => ["--persist-to", persistDir(persistTo)];

/**
 * Runs `wrangler …args` with no stdin (so it never waits for a prompt), output passed through,
 * or captured when `capture` is set. Rejects on a non-zero exit.
 */
export function wrangler(args: readonly string[], capture = false): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [WRANGLER_BIN, ...args], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    child.on("error", fail);
    child.on("exit", (code, signal) =>
      code === 0 ? done(out) : fail(new Error(`wrangler ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Applies every migration to the local D1; `quiet` keeps wrangler's table to itself and says one line. */
export async function migrateLocal(persistTo?: string, quiet = false): Promise<void> {
  const out = await wrangler(["d1", "migrations", "apply", "DB", "--local", ...persistArgs(persistTo)], quiet);
  if (quiet) {
    // wrangler marks each migration it applied "│ 0001_….sql │ ✅ │", reprinting the table as it goes.
    const applied = new Set([...out.matchAll(/│\s*(\d{4}_[^│]*\.sql)\s*│\s*✅/g)].map((m) => m[1])).size;
    console.log(applied > 0 ? `Local D1 migrated (${applied} migrations applied).` : "Local D1 is up to date.");
  }
}

/** One number from the local D1 via `wrangler d1 execute --json`, e.g. a row count. */
export async function queryLocalNumber(sql: string, persistTo?: string): Promise<number> {
  const out = await wrangler(
    ["d1", "execute", "DB", "--local", ...persistArgs(persistTo), "--json", "--command", sql],
    true,
  );
  const parsed = JSON.parse(out) as { results: Record<string, unknown>[] }[];
  const value = Object.values(parsed[0]?.results[0] ?? {})[0];
  if (typeof value !== "number") throw new Error(`expected a number from ${sql}, got ${out}`);
  return value;
}
