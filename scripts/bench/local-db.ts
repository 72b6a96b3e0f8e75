import { spawn } from "node:child_process";
import { join } from "node:path";
import { DEFAULT_DEMO_PASSWORD } from "../lib/seed-run";

/** The demo users' shared password, as the seed sets it. */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;

function tsx(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), [join(process.cwd(), "scripts", script), ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`tsx scripts/${script} exited ${code}:\n${out}`))));
  });
}

/**
 * Builds a fresh local D1 in `persistTo` with the project's own commands: `db:migrate`, then
 * `db:seed --size N` (the demo district at N parcels, with the demo users of every role).
 */
export async function prepareLocalDb(persistTo: string, size: number): Promise<void> {
  await tsx("migrate.ts", ["--persist-to", persistTo]);
  await tsx("seed.ts", ["--persist-to", persistTo, "--size", String(size)]);
}

/** Applies any migration newer than a copied D1 (a cached seed) to it. */
export async function migrateCopy(persistTo: string): Promise<void> {
  await tsx("migrate.ts", ["--persist-to", persistTo]);
}
