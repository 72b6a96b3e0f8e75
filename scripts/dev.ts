// npm run dev -- [--persist-to DIR]: migrate the local D1, seed it if it has no users, then serve
// on http://127.0.0.1:8787 with wrangler dev (SPEC §10).
import { spawn } from "node:child_process";
import { CliError, parseLocalArgs } from "./lib/args";
import { DEFAULT_DEMO_PASSWORD, runSeed } from "./lib/seed-run";
import { migrateLocal, persistArgs, PROJECT_ROOT, queryLocalNumber, WRANGLER_BIN } from "./lib/wrangler";
import { DEMO_DEFAULTS } from "./seed/generate";

const DEV_REFUSED = "npm run dev serves a local D1 only; deploy with `npx wrangler deploy` (see README).";

async function prepare(persistTo?: string): Promise<void> {
  await migrateLocal(persistTo);
  if ((await queryLocalNumber("SELECT count(*) AS n FROM users", persistTo)) > 0) return;
  console.log("The local D1 has no users yet: loading the demo district.");
  await runSeed({ persistTo, ...DEMO_DEFAULTS, fresh: false });
  console.log(`Log in as officer / ${process.env.DEMO_PASSWORD ? "$DEMO_PASSWORD" : DEFAULT_DEMO_PASSWORD} (also admin, lead, viewer).`);
}

/** Runs wrangler dev in the foreground, passing Ctrl-C and kill on to it and exiting as it does. */
function serve(persistTo?: string): void {
  const child = spawn(process.execPath, [WRANGLER_BIN, "dev", "--ip", "127.0.0.1", "--port", "8787", ...persistArgs(persistTo)], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  // tsx may end this process itself on a signal; wrangler must not outlive it.
  process.on("exit", () => child.exitCode === null && child.kill("SIGTERM"));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : 15) : 1)));
}

try {
  const { persistTo } = parseLocalArgs(process.argv.slice(2), DEV_REFUSED);
  await prepare(persistTo);
  serve(persistTo);
} catch (e) {
  console.error(e instanceof CliError ? `dev: ${e.message}` : e);
  process.exit(e instanceof CliError ? 2 : 1);
}
