import { existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { hashPassword } from "../../src/auth/password";
import { wrangler } from "./local-worker";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || "nanhu-demo";
const ROLES = ["admin", "officer", "lead", "viewer"] as const;

function tsx(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), [script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`tsx ${script} exited ${code}:\n${out}`))));
  });
}

/**
 * Builds a fresh local D1 in `persistTo`: migrated, then filled by the demo seed at `size` parcels
 * (the seed also creates the demo users of every role, password DEMO_PASSWORD). Before the seed
 * script exists, it only migrates and adds those users, so the browser tests can still log in.
 */
export async function prepareLocalDb(persistTo: string, size?: number): Promise<void> {
  const seed = join(process.cwd(), "scripts", "seed.ts");
  if (existsSync(seed)) {
    await tsx(join(process.cwd(), "scripts", "migrate.ts"), ["--persist-to", persistTo]);
    await tsx(seed, ["--persist-to", persistTo, ...(size === undefined ? [] : ["--size", String(size)])]);
    return;
  }
  await wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
  const rows = await Promise.all(
    ROLES.map(async (role) => `('${role}', '演示${role}', '${role}', '${await hashPassword(DEMO_PASSWORD)}')`),
  );
  const sql = `INSERT INTO users (username, display_name, role, password_hash) VALUES ${rows.join(", ")};`;
  await wrangler(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--command", sql]);
}
